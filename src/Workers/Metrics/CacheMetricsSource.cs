using GymCoach.Workers.Caching;

namespace GymCoach.Workers.Metrics;

/// <summary>Samples one cache's hit and miss counters into <c>CacheHits</c> and <c>CacheMisses</c> of its <c>CacheType</c> at every flush.</summary>
public sealed class CacheMetricsSource : IMetricsSource
{
    private readonly Func<CacheStatistics> _read;
    private readonly CounterDelta _hits = new();
    private readonly CounterDelta _misses = new();

    /// <summary>Reports the analytics cache (cache type <c>analytics</c>).</summary>
    public CacheMetricsSource(AnalyticsCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _read = () => new CacheStatistics(CacheTypes.Analytics, cache.Hits, cache.Misses);
    }

    /// <summary>Reports whatever cache <paramref name="read"/> reads the counters of, under the cache type it names.</summary>
    public CacheMetricsSource(Func<CacheStatistics> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        _read = read;
    }

    public void Sample(MetricsRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var now = _read();
        recorder.Record(MetricCatalogue.CacheHits, _hits.Take(now.Hits), cacheType: now.CacheType);
        recorder.Record(MetricCatalogue.CacheMisses, _misses.Take(now.Misses), cacheType: now.CacheType);
    }
}
