using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Tests.EventSource;

/// <summary>A store that takes <paramref name="delay"/> longer for every call, honouring the token as the DynamoDB client does.</summary>
internal sealed class SlowStore(IItemStore inner, TimeSpan delay) : IItemStore
{
    public async Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        return await inner.GetAsync(partitionKey, sortKey, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredItem?>> GetManyAsync(IReadOnlyList<ItemKey> keys, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        return await inner.GetManyAsync(keys, cancellationToken);
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        return await inner.WriteAsync(writes, cancellationToken);
    }

    public async Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        return await inner.QueryAsync(partitionKey, sortKeyPrefix, limit, continuationToken, cancellationToken);
    }
}
