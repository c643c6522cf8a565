using System.Collections.Concurrent;
using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Storage;

/// <summary>An in-process item store with the DynamoDB semantics of <see cref="IItemStore"/>, for running the pipeline on one machine.</summary>
/// <remarks>
/// Each partition keeps its items sorted by sort key (ordinal) behind its own lock, so reads are strongly consistent
/// and a query seeks to its prefix in O(log n). Items past <see cref="StoredItem.ExpiresAt"/> are treated as absent
/// everywhere, conditions included: DynamoDB deletes expired items lazily, and a store that must behave the same on
/// both backends cannot let them be seen; this store drops one when a read or write meets it. The secondary index is
/// kept with every write, so here (unlike on DynamoDB) index queries are strongly consistent.
/// </remarks>
public sealed class EmbeddedItemStore(TimeProvider? timeProvider = null) : IItemStore
{
    /// <summary>The most items a query page returns.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>DynamoDB's item size limit (400 KB), counted over attribute names and values as DynamoDB does.</summary>
    public const int MaxItemBytes = ItemWriteRules.MaxItemBytes;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, ItemPartition> _partitions = new(StringComparer.Ordinal);
    private readonly ItemIndex _index = new();

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
    /// <remarks>Holds the locks of every partition the writes touch while it checks all conditions and applies all writes.</remarks>
    public Task<TransactionResult> WriteAtomicallyAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken)
    {
        ItemWriteRules.ValidateAtomic(writes);
        cancellationToken.ThrowIfCancellationRequested();
        var partitions = new SortedDictionary<string, ItemPartition>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            partitions.TryAdd(write.Item.PartitionKey, Partition(write.Item.PartitionKey));
        }

        var held = 0;
        try
        {
            foreach (var partition in partitions.Values)
            {
                partition.Gate.Enter();
                held++;
            }

            return Task.FromResult(CheckAndApply(writes, partitions));
        }
        finally
        {
            foreach (var partition in partitions.Values)
            {
                if (held-- == 0)
                {
                    break;
                }

                partition.Gate.Exit();
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Writes apply one after another in list order, so a later write to the same key sees an earlier one.</remarks>
    /// <exception cref="ArgumentException">A write breaks a DynamoDB limit (empty or oversized key, half an index key, item over 400 KB) or has an unknown condition; nothing is written.</exception>
    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var write in writes)
        {
            ItemWriteRules.Validate(write);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var results = new WriteResult[writes.Count];
        var now = _time.GetUtcNow();
        for (var i = 0; i < writes.Count; i++)
        {
            var partition = Partition(writes[i].Item.PartitionKey);
            results[i] = partition.Write(writes[i], now);
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

    /// <inheritdoc/>
    /// <remarks>The continuation token is the last returned item's index position (base64url), so paging is stable under concurrent writes.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1–1000.</exception>
    /// <exception cref="ArgumentException">The continuation token was not made by an index query.</exception>
    public Task<ItemPage> QueryIndexAsync(string indexPartitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexPartitionKey);
        ArgumentNullException.ThrowIfNull(sortKeyPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        IndexPosition? after = continuationToken is null ? null : IndexContinuationToken.Decode(continuationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var (items, last) = _index.Query(indexPartitionKey, sortKeyPrefix, after, limit, _time.GetUtcNow());
        return Task.FromResult(new ItemPage(items, last is { } position ? IndexContinuationToken.Encode(position) : null));
    }

    /// <summary>Every live item, so a process can save the store for the next one.</summary>
    public IReadOnlyList<StoredItem> Snapshot()
    {
        var now = _time.GetUtcNow();
        var items = new List<StoredItem>();
        foreach (var partition in _partitions.Values)
        {
            string? after = null;
            do
            {
                var (page, lastKey) = partition.Query(string.Empty, after, MaxPageSize, now);
                items.AddRange(page);
                after = lastKey;
            }
            while (after is not null);
        }

        return items;
    }

    /// <summary>Puts back items from a <see cref="Snapshot"/>, overwriting what has the same keys.</summary>
    public void Restore(IEnumerable<StoredItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = _time.GetUtcNow();
        foreach (var item in items)
        {
            Partition(item.PartitionKey).Write(new ItemWrite(item), now);
        }
    }

    // Under the locks of every partition the writes touch.
    private TransactionResult CheckAndApply(IReadOnlyList<ItemWrite> writes, SortedDictionary<string, ItemPartition> partitions)
    {
        var now = _time.GetUtcNow();
        List<RefusedWrite>? refused = null;
        for (var i = 0; i < writes.Count; i++)
        {
            var result = partitions[writes[i].Item.PartitionKey].Check(writes[i], now);
            if (!result.Written)
            {
                (refused ??= []).Add(new RefusedWrite(i, result.Existing));
            }
        }

        if (refused is not null)
        {
            return new TransactionResult(refused);
        }

        foreach (var write in writes)
        {
            partitions[write.Item.PartitionKey].Apply(write.Item);
        }

        return TransactionResult.Committed;
    }

    private ItemPartition Partition(string partitionKey) =>
        _partitions.GetOrAdd(partitionKey, static (_, index) => new ItemPartition(index), _index);
}
