using System.Collections.Concurrent;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Storage;

namespace GymCoach.Embedded.Storage;

/// <summary>The embedded store's secondary index (DynamoDB's sparse <c>gsi1</c>): only items with both index keys are in it.</summary>
/// <remarks>
/// Kept up to date by <see cref="ItemPartition"/> under the partition's lock (partition lock, then index partition
/// lock: one order, no deadlock), so unlike DynamoDB's index it is strongly consistent; it holds the item itself,
/// as projection ALL does.
/// </remarks>
internal sealed class ItemIndex
{
    private readonly ConcurrentDictionary<string, IndexPartition> _partitions = new(StringComparer.Ordinal);

    /// <summary>Replaces <paramref name="previous"/> (the item that was stored under the key, if any) with <paramref name="current"/> (null: removed).</summary>
    public void Replace(StoredItem? previous, StoredItem? current)
    {
        if (previous is { IndexPartitionKey: { } previousPartition, IndexSortKey: not null } && _partitions.TryGetValue(previousPartition, out var old))
        {
            old.Remove(previous);
        }

        if (current is { IndexPartitionKey: { } currentPartition, IndexSortKey: not null })
        {
            _partitions.GetOrAdd(currentPartition, static _ => new IndexPartition()).Add(current);
        }
    }

    public (IReadOnlyList<StoredItem> Items, IndexPosition? Last) Query(string indexPartitionKey, string prefix, IndexPosition? after, int limit, DateTimeOffset now) =>
        _partitions.TryGetValue(indexPartitionKey, out var partition) ? partition.Query(prefix, after, limit, now) : ([], null);
}
