using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Lambda;

/// <summary>The event Lambda's SQS event source mapping passes to a function: one batch of messages.</summary>
public sealed record SqsEvent
{
    [JsonPropertyName("Records")]
    public required IReadOnlyList<SqsMessage> Records { get; init; }
}
