using System.Collections.Concurrent;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Storage;

namespace GymCoach.Embedded.Storage;

/// <summary>An in-process item store with the DynamoDB semantics of <see cref="IItemStore"/>, for running the pipeline on one machine.</summary>
/// <remarks>
/// Each partition keeps its items sorted by sort key (ordinal) behind its own lock, so reads are strongly consistent
/// and a query seeks to its prefix in O(log n). Items past <see cref="StoredItem.ExpiresAt"/> are treated as absent
/// everywhere, conditions included: DynamoDB deletes expired items lazily, and a store that must behave the same on
/// both backends cannot let them be seen; this store drops one when a read or write meets it. With an
/// <see cref="IItemJournal"/>, every write is committed to it before anyone can read it.
/// </remarks>
/// <param name="journal">Where writes are made durable; null keeps the store in memory only.</param>
public sealed class EmbeddedItemStore(TimeProvider? timeProvider = null, IItemJournal? journal = null) : IItemStore
{
    /// <summary>The most items a query page returns (<see cref="TableDefinition.MaxPageSize"/>).</summary>
    public const int MaxPageSize = TableDefinition.MaxPageSize;

    /// <summary>DynamoDB's item size limit (400 KB), counted over attribute names and values as DynamoDB does.</summary>
    public const int MaxItemBytes = ItemWriteRules.MaxItemBytes;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, ItemPartition> _partitions = new(StringComparer.Ordinal);

    public Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentException.ThrowIfNullOrEmpty(sortKey);
        cancellationToken.ThrowIfCancellationRequested();

        var item = _partitions.TryGetValue(partitionKey, out var partition) ? partition.Get(sortKey, _time.GetUtcNow()) : null;
        return Task.FromResult(item);
    }

    public Task<IReadOnlyList<StoredItem?>> GetManyAsync(IReadOnlyList<ItemKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        var items = new StoredItem?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            ArgumentException.ThrowIfNullOrEmpty(keys[i].PartitionKey);
            ArgumentException.ThrowIfNullOrEmpty(keys[i].SortKey);
            items[i] = _partitions.TryGetValue(keys[i].PartitionKey, out var partition) ? partition.Get(keys[i].SortKey, now) : null;
        }

        return Task.FromResult<IReadOnlyList<StoredItem?>>(items);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Writes apply one after another in list order, so a later write to the same key sees an earlier one; the journal
    /// gets the written ones in one commit, and if it fails every write is undone.
    /// </remarks>
    /// <exception cref="ArgumentException">A write breaks a DynamoDB limit (empty or oversized key, item over 400 KB) or has an unknown condition; nothing is written.</exception>
    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var write in writes)
        {
            ItemWriteRules.Validate(write);
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var partitions = PartitionLocks.Take(writes, _partitions);
        var results = new WriteResult[writes.Count];
        var applied = new List<(ItemPartition Partition, StoredItem Item, StoredItem? Previous)>(writes.Count);
        var now = _time.GetUtcNow();
        for (var i = 0; i < writes.Count; i++)
        {
            var partition = partitions[writes[i].Item.PartitionKey];
            results[i] = partition.Check(writes[i], now);
            if (results[i].Written)
            {
                applied.Add((partition, writes[i].Item, partition.Apply(writes[i].Item)));
            }
        }

        if (journal is not null && applied.Count > 0)
        {
            try
            {
                journal.Commit([.. applied.Select(write => write.Item)]);
            }
            catch
            {
                for (var i = applied.Count - 1; i >= 0; i--)
                {
                    applied[i].Partition.Revert(applied[i].Item, applied[i].Previous);
                }

                throw;
            }
        }

        return Task.FromResult<IReadOnlyList<WriteResult>>(results);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The continuation token is the last returned sort key (base64url), so a page after it is right even when items
    /// were added or removed in between. It is null when no further item matches.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1–1000.</exception>
    /// <exception cref="ArgumentException">The continuation token was not made by this store.</exception>
    public Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentNullException.ThrowIfNull(sortKeyPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        var after = continuationToken is null ? null : ContinuationToken.Decode(continuationToken);
        cancellationToken.ThrowIfCancellationRequested();

        if (!_partitions.TryGetValue(partitionKey, out var partition))
        {
            return Task.FromResult(new ItemPage([], null));
        }

        var (items, lastKey) = partition.Query(sortKeyPrefix, after, limit, _time.GetUtcNow());
        return Task.FromResult(new ItemPage(items, lastKey is null ? null : ContinuationToken.Encode(lastKey)));
    }

    /// <summary>Puts back items a journal kept, overwriting what has the same keys.</summary>
    /// <remarks>For loading the store when a process starts: nothing is written to the journal.</remarks>
    public void Restore(IEnumerable<StoredItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            var partition = Partition(item.PartitionKey);
            lock (partition.Gate)
            {
                partition.Apply(item);
            }
        }
    }

    /// <summary>Drops every expired item, and the partitions left empty, so records with a TTL do not pile up in memory; returns how many items went.</summary>
    public int RemoveExpired()
    {
        var now = _time.GetUtcNow();
        var removed = 0;
        foreach (var (key, partition) in _partitions)
        {
            lock (partition.Gate)
            {
                removed += partition.RemoveExpired(now);
                if (partition.Retired)
                {
                    _partitions.TryRemove(KeyValuePair.Create(key, partition));
                }
            }
        }

        return removed;
    }

    private ItemPartition Partition(string partitionKey) =>
        _partitions.GetOrAdd(partitionKey, static _ => new ItemPartition());
}
