using GymCoach.Workers.Caching;

namespace GymCoach.Workers.Metrics;

/// <summary>Samples an <see cref="AnalyticsCache"/>'s hit and miss counters into <c>CacheHits</c> and <c>CacheMisses</c> at every flush.</summary>
public sealed class CacheMetricsSource(AnalyticsCache cache) : IMetricsSource
{
    private readonly CounterDelta _hits = new();
    private readonly CounterDelta _misses = new();

    public void Sample(MetricsRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        recorder.Record(MetricCatalogue.CacheHits, _hits.Take(cache.Hits));
        recorder.Record(MetricCatalogue.CacheMisses, _misses.Take(cache.Misses));
    }
}
