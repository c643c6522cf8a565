using System.Text.Json.Serialization;

namespace GymCoach.Producer;

/// <summary>An RFC 7807 problem document the ingest API answered with (<c>application/problem+json</c>).</summary>
public sealed record ProducerProblem
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    /// <summary>Every invalid field by its JSON path, with what is wrong with it (400 answers).</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>The request's correlation id, under which the API logged it.</summary>
    [JsonPropertyName("correlationId")]
    public string? CorrelationId { get; init; }
}
