using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Storage;

/// <summary>An in-process item store with the DynamoDB semantics of <see cref="IItemStore"/>, for running the pipeline on one machine.</summary>
/// <remarks>
/// Each partition keeps its items sorted by sort key (ordinal) behind its own lock, so reads are strongly consistent
/// and a query seeks to its prefix in O(log n). Items past <see cref="StoredItem.ExpiresAt"/> are treated as absent
/// everywhere, conditions included: DynamoDB deletes expired items lazily, and a store that must behave the same on
/// both backends cannot let them be seen; this store drops one when a read or write meets it.
/// </remarks>
public sealed class EmbeddedItemStore(TimeProvider? timeProvider = null) : IItemStore
{
    /// <summary>The most items a query page returns.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>DynamoDB's item size limit (400 KB), counted here over the keys and the data.</summary>
    public const int MaxItemBytes = 400 * 1024;

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

    /// <inheritdoc/>
    /// <remarks>Writes apply one after another in list order, so a later write to the same key sees an earlier one.</remarks>
    /// <exception cref="ArgumentException">A write is null, has an empty key, an unknown condition or an item over 400 KB; nothing is written.</exception>
    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var write in writes)
        {
            Validate(write);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var results = new WriteResult[writes.Count];
        var now = _time.GetUtcNow();
        for (var i = 0; i < writes.Count; i++)
        {
            var partition = _partitions.GetOrAdd(writes[i].Item.PartitionKey, static _ => new ItemPartition());
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
            _partitions.GetOrAdd(item.PartitionKey, static _ => new ItemPartition()).Write(new ItemWrite(item), now);
        }
    }

    private static void Validate(ItemWrite write)
    {
        if (write?.Item is not { } item)
        {
            throw new ArgumentException("A write or its item is null.", nameof(write));
        }

        if (string.IsNullOrEmpty(item.PartitionKey) || string.IsNullOrEmpty(item.SortKey))
        {
            throw new ArgumentException("An item's partition key and sort key must not be empty.", nameof(write));
        }

        if (!Enum.IsDefined(write.Condition))
        {
            throw new ArgumentException($"Unknown write condition {write.Condition}.", nameof(write));
        }

        var size = Encoding.UTF8.GetByteCount(item.PartitionKey) + Encoding.UTF8.GetByteCount(item.SortKey)
            + Encoding.UTF8.GetByteCount(item.Data ?? string.Empty);
        if (size > MaxItemBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Item {item.PartitionKey}/{item.SortKey} is {size} bytes; the limit is {MaxItemBytes}."),
                nameof(write));
        }
    }
}
