using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Metrics;

/// <summary>Wraps a store and records the duration of every call as <c>StoreLatency</c>, failed calls included.</summary>
public sealed class MeteredItemStore(IItemStore inner, MetricsRecorder recorder, TimeProvider? timeProvider = null) : IItemStore
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            return await inner.GetAsync(partitionKey, sortKey, cancellationToken);
        }
        finally
        {
            Record(started);
        }
    }

    public async Task<IReadOnlyList<StoredItem?>> GetManyAsync(IReadOnlyList<ItemKey> keys, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            return await inner.GetManyAsync(keys, cancellationToken);
        }
        finally
        {
            Record(started);
        }
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            return await inner.WriteAsync(writes, cancellationToken);
        }
        finally
        {
            Record(started);
        }
    }

    public async Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            return await inner.QueryAsync(partitionKey, sortKeyPrefix, limit, continuationToken, cancellationToken);
        }
        finally
        {
            Record(started);
        }
    }

    private void Record(long started) => recorder.Record(MetricCatalogue.StoreLatency, _time.GetElapsedTime(started));
}
