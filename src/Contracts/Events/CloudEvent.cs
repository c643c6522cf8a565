using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Events;

/// <summary>A CloudEvents 1.0 envelope in structured JSON mode, as carried in an SQS message body.</summary>
/// <remarks>Extension attributes (for example <c>correlationid</c>) are allowed on the envelope and ignored here.</remarks>
public sealed record CloudEvent<TData>
{
    public const string SpecVersion10 = "1.0";

    [JsonPropertyName("specversion")]
    public required string SpecVersion { get; init; }

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("time")]
    public DateTimeOffset? Time { get; init; }

    [JsonPropertyName("datacontenttype")]
    public string? DataContentType { get; init; }

    [JsonPropertyName("data")]
    public required TData Data { get; init; }
}
