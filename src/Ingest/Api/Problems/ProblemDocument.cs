using System.Text.Json.Serialization;

namespace GymCoach.Ingest.Api.Problems;

/// <summary>An RFC 7807 problem details document, served as <c>application/problem+json</c>.</summary>
internal sealed record ProblemDocument
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("status")]
    public required int Status { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("instance")]
    public string? Instance { get; init; }

    /// <summary>Every invalid field by its JSON path (<c>workouts[3].exercises[0].sets[1].reps</c>), with what is wrong.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>For malformed JSON: the 1-based line of the error.</summary>
    [JsonPropertyName("line")]
    public long? Line { get; init; }

    /// <summary>For malformed JSON: the 1-based byte position within <see cref="Line"/>.</summary>
    [JsonPropertyName("position")]
    public long? Position { get; init; }

    [JsonPropertyName("correlationId")]
    public string? CorrelationId { get; init; }
}
