using GymCoach.Contracts.Storage;

namespace GymCoach.Ingest.Tests.Support;

/// <summary>A store whose reads never answer, not even to cancellation: what a hung network connection looks like.</summary>
internal sealed class UnresponsiveStore : IItemStore
{
    public Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken) =>
        new TaskCompletionSource<StoredItem?>().Task;

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
