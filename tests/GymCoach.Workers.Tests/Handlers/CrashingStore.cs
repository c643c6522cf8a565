using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Tests.Handlers;

/// <summary>A real store whose calls fail at random, before reaching it or after it applied them (a lost response, a crash after the call).</summary>
internal sealed class CrashingStore(IItemStore inner, Random random, double failureRate) : IItemStore
{
    private readonly Lock _gate = new();

    /// <summary>Set to false to let every call through, so the run can settle.</summary>
    public bool Crashing { get; set; } = true;

    public Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken) =>
        CallAsync(() => inner.GetAsync(partitionKey, sortKey, cancellationToken));

    public Task<IReadOnlyList<StoredItem?>> GetManyAsync(IReadOnlyList<ItemKey> keys, CancellationToken cancellationToken) =>
        CallAsync(() => inner.GetManyAsync(keys, cancellationToken));

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken) =>
        CallAsync(() => inner.WriteAsync(writes, cancellationToken));

    public Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        CallAsync(() => inner.QueryAsync(partitionKey, sortKeyPrefix, limit, continuationToken, cancellationToken));

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        if (Roll())
        {
            throw new IOException("injected: the store was not reached");
        }

        var result = await call();
        if (Roll())
        {
            throw new IOException("injected: the store applied the call, its answer was lost");
        }

        return result;
    }

    private bool Roll()
    {
        lock (_gate)
        {
            return Crashing && random.NextDouble() < failureRate;
        }
    }
}
