using System.Text.Json.Serialization;

namespace GymCoach.Ingest.Api.Idempotency;

/// <summary>What the store remembers of a request made with an <c>Idempotency-Key</c>.</summary>
internal sealed record IdempotencyRecord
{
    public const string Pending = "pending";
    public const string Completed = "completed";
    public const string Released = "released";

    /// <summary><see cref="Pending"/> while the first request runs, <see cref="Completed"/> with its response, <see cref="Released"/> when it failed.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    /// <summary>SHA-256 of the request's path and body, hex: a retry must match it.</summary>
    [JsonPropertyName("fingerprint")]
    public required string Fingerprint { get; init; }

    [JsonPropertyName("claimedAt")]
    public required DateTimeOffset ClaimedAt { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    /// <summary>The response body (JSON) of the completed request, replayed to retries.</summary>
    [JsonPropertyName("response")]
    public string? Response { get; init; }
}
