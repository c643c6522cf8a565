using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Lambda;

/// <summary>The partial batch response: the messages to retry. Empty means every message succeeded.</summary>
/// <remarks>
/// Lambda retries the whole batch when an identifier is empty, null or not in the event, so only ever list
/// message ids taken from the event itself.
/// </remarks>
public sealed record SqsBatchResponse
{
    [JsonPropertyName("batchItemFailures")]
    public required IReadOnlyList<BatchItemFailure> BatchItemFailures { get; init; }
}

/// <summary>One message Lambda should leave on the queue for a retry.</summary>
public sealed record BatchItemFailure
{
    [JsonPropertyName("itemIdentifier")]
    public required string ItemIdentifier { get; init; }
}
