using GymCoach.Workers.Metrics;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Samples a DynamoDB store's counters into <c>StoreThrottles</c> and <c>StoreRetries</c> at every flush.</summary>
public sealed class StoreStatisticsSource : IMetricsSource
{
    private readonly Func<DynamoDbStoreStatistics> _read;
    private readonly CounterDelta _throttles = new();
    private readonly CounterDelta _retries = new();

    public StoreStatisticsSource(DynamoDbItemStore store)
        : this(() => store.Statistics)
    {
        ArgumentNullException.ThrowIfNull(store);
    }

    /// <param name="read">Reads the current cumulative statistics.</param>
    public StoreStatisticsSource(Func<DynamoDbStoreStatistics> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        _read = read;
    }

    public void Sample(MetricsRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var statistics = _read();
        recorder.Record(MetricCatalogue.StoreThrottles, _throttles.Take(statistics.Throttles));
        recorder.Record(MetricCatalogue.StoreRetries, _retries.Take(statistics.Retries));
    }
}
