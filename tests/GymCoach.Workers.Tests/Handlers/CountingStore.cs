using System.Collections.Concurrent;
using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Tests.Handlers;

/// <summary>Passes every call to a real store and counts requests, items read and items written, by operation.</summary>
internal sealed class CountingStore(IItemStore inner) : IItemStore
{
    private int _gets;
    private int _itemsRead;
    private int _itemsWritten;
    private int _writeRefusals;

    public ConcurrentDictionary<string, int> QueriesByPartition { get; } = new(StringComparer.Ordinal);

    /// <summary>Point reads: one per <see cref="GetAsync"/>, one per <see cref="GetManyAsync"/> call.</summary>
    public int Gets => Volatile.Read(ref _gets);

    /// <summary>Items returned by every read: gets, batched gets and query pages.</summary>
    public int ItemsRead => Volatile.Read(ref _itemsRead);

    /// <summary>Items written (refused conditions excluded).</summary>
    public int ItemsWritten => Volatile.Read(ref _itemsWritten);

    /// <summary>Writes of <see cref="WriteAsync"/> refused by their condition.</summary>
    public int WriteRefusals => Volatile.Read(ref _writeRefusals);

    public async Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _gets);
        var item = await inner.GetAsync(partitionKey, sortKey, cancellationToken);
        Interlocked.Add(ref _itemsRead, item is null ? 0 : 1);
        return item;
    }

    public async Task<IReadOnlyList<StoredItem?>> GetManyAsync(IReadOnlyList<ItemKey> keys, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _gets);
        var items = await inner.GetManyAsync(keys, cancellationToken);
        Interlocked.Add(ref _itemsRead, items.Count(static item => item is not null));
        return items;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken)
    {
        var results = await inner.WriteAsync(writes, cancellationToken);
        Interlocked.Add(ref _itemsWritten, results.Count(static result => result.Written));
        Interlocked.Add(ref _writeRefusals, results.Count(static result => !result.Written));
        return results;
    }

    public async Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        if (continuationToken is null)
        {
            QueriesByPartition.AddOrUpdate(partitionKey, 1, (_, count) => count + 1);
        }

        var page = await inner.QueryAsync(partitionKey, sortKeyPrefix, limit, continuationToken, cancellationToken);
        Interlocked.Add(ref _itemsRead, page.Items.Count);
        return page;
    }
}
