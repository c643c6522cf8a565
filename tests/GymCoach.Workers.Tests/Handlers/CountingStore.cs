using System.Collections.Concurrent;
using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Tests.Handlers;

/// <summary>Passes every call to a real store and counts the point reads and the queries per partition.</summary>
internal sealed class CountingStore(IItemStore inner) : IItemStore
{
    private int _gets;

    public ConcurrentDictionary<string, int> QueriesByPartition { get; } = new(StringComparer.Ordinal);

    public int Gets => Volatile.Read(ref _gets);

    public Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _gets);
        return inner.GetAsync(partitionKey, sortKey, cancellationToken);
    }

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken) =>
        inner.WriteAsync(writes, cancellationToken);

    public Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        if (continuationToken is null)
        {
            QueriesByPartition.AddOrUpdate(partitionKey, 1, (_, count) => count + 1);
        }

        return inner.QueryAsync(partitionKey, sortKeyPrefix, limit, continuationToken, cancellationToken);
    }

    public Task<ItemPage> QueryIndexAsync(string indexPartitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        inner.QueryIndexAsync(indexPartitionKey, sortKeyPrefix, limit, continuationToken, cancellationToken);
}
