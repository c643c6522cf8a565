using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Tests.ReadSide;

/// <summary>Passes every call to a real store and counts the point reads.</summary>
internal sealed class CountingGetStore(IItemStore inner) : IItemStore
{
    private int _gets;

    public int Gets => Volatile.Read(ref _gets);

    public Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _gets);
        return inner.GetAsync(partitionKey, sortKey, cancellationToken);
    }

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken) =>
        inner.WriteAsync(writes, cancellationToken);

    public Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        inner.QueryAsync(partitionKey, sortKeyPrefix, limit, continuationToken, cancellationToken);

    public Task<ItemPage> QueryIndexAsync(string indexPartitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        inner.QueryIndexAsync(indexPartitionKey, sortKeyPrefix, limit, continuationToken, cancellationToken);
}
