namespace GymCoach.Contracts.Storage;

/// <summary>One stored item: its key, a JSON document, a version for conditional writes and an optional expiry (TTL).</summary>
public sealed record StoredItem
{
    public required string PartitionKey { get; init; }

    public required string SortKey { get; init; }

    /// <summary>The item's document as JSON.</summary>
    public required string Data { get; init; }

    /// <summary>Compared by <see cref="WriteCondition.IfNewerVersion"/>: a write only replaces an item with a lower version.</summary>
    public long Version { get; init; }

    /// <summary>When the store may delete the item (DynamoDB TTL); null keeps it.</summary>
    /// <remarks>DynamoDB keeps whole epoch seconds (its TTL attribute's unit), so the DynamoDB store rounds down to the second.</remarks>
    public DateTimeOffset? ExpiresAt { get; init; }
}
