using GymCoach.Contracts.Storage;

namespace GymCoach.Ingest.Tests.Support;

/// <summary>A store whose reads never answer, not even to cancellation (a hung connection), or fail at once when <paramref name="throws"/> (a refused one).</summary>
internal sealed class UnresponsiveStore(bool throws = false) : IItemStore
{
    public Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken) =>
        throws ? throw new IOException("connection refused") : new TaskCompletionSource<StoredItem?>().Task;

    public Task<IReadOnlyList<StoredItem?>> GetManyAsync(IReadOnlyList<ItemKey> keys, CancellationToken cancellationToken) =>
        throws ? throw new IOException("connection refused") : new TaskCompletionSource<IReadOnlyList<StoredItem?>>().Task;

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
