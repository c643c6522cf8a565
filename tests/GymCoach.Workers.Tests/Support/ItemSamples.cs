using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Tests.Support;

/// <summary>Object mother for item store tests.</summary>
public static class ItemSamples
{
    /// <summary>A partition key no other test uses, so contract tests can share a real table.</summary>
    public static string UniquePartition(string stem = "user") => $"{stem}#{Guid.NewGuid():N}";

    public static StoredItem Item(string partitionKey, string sortKey, long version = 1, string? data = null, DateTimeOffset? expiresAt = null) =>
        new()
        {
            PartitionKey = partitionKey,
            SortKey = sortKey,
            Data = data ?? $"{{\"sk\":\"{sortKey}\",\"v\":{version}}}",
            Version = version,
            ExpiresAt = expiresAt,
        };
}
