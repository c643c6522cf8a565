using GymCoach.Cli.Backends;
using GymCoach.Cli.Hosting;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Cli.Reports.Live;

/// <summary>Records a local run once a second from the workers' metric series, the four queues' counts and the caches, keeping a bounded window.</summary>
/// <remarks>
/// The rates, counts and latencies are the <see cref="MetricCatalogue"/>'s series as the workers' recorders hold them
/// (<see cref="WorkerMetrics"/>), the very ones their EMF documents carry; only the queues' depths are read from the queues.
/// </remarks>
internal sealed class PipelineSampler
{
    /// <summary>How much history the dashboard shows: 15 minutes at one sample a second.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly LocalPipeline _pipeline;
    private readonly IBackend _backend;
    private readonly AnalyticsCache _cache;
    private readonly ReadCaches? _readCaches;
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly Queue<PipelineSample> _samples;
    private readonly Lock _gate = new();
    private readonly DateTimeOffset _started;
    private Totals _last;
    private PipelineSample? _latest;

    /// <param name="readCaches">The API's profile, exercise and plan caches, reported beside the analytics cache; null when there is no API.</param>
    public PipelineSampler(LocalPipeline pipeline, IBackend backend, AnalyticsCache cache, TimeProvider time, TimeSpan? window = null, ReadCaches? readCaches = null)
    {
        _readCaches = readCaches;
        _pipeline = pipeline;
        _backend = backend;
        _cache = cache;
        _time = time;
        _capacity = Math.Max(1, (int)((window ?? DefaultWindow) / Interval));
        _samples = new Queue<PipelineSample>(Math.Min(_capacity, 1024));
        _started = time.GetUtcNow();
        _last = Totals.Read(pipeline.Metrics, cache, _started);
    }

    /// <summary>The newest sample, or null before the first.</summary>
    public PipelineSample? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>Takes a sample every <see cref="Interval"/> until <paramref name="stopping"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await SampleAsync(stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the last sample is the caller's to take.
        }
    }

    /// <summary>Takes one sample now (also called at the end of a run, so a short run has its final state).</summary>
    public async Task<PipelineSample> SampleAsync(CancellationToken cancellationToken)
    {
        var writes = await _backend.WritesQueue.GetCountsAsync(cancellationToken);
        var analytics = await _backend.AnalyticsQueue.GetCountsAsync(cancellationToken);
        var deadLetters = (await _backend.WritesDeadLetterQueue.GetCountsAsync(cancellationToken)).Total
            + (await _backend.AnalyticsDeadLetterQueue.GetCountsAsync(cancellationToken)).Total;
        var metrics = _pipeline.Metrics;
        var lag = metrics.WritesTotals.Histogram(MetricCatalogue.QueueLag);
        var invocation = metrics.WritesTotals.Histogram(MetricCatalogue.InvocationDuration);

        // Under the lock: the final sample of a run may race the timer's, and each must difference against the other.
        lock (_gate)
        {
            var now = Totals.Read(metrics, _cache, _time.GetUtcNow());
            var seconds = Math.Max(0.001, (now.At - _last.At).TotalSeconds);
            var reads = (now.CacheHits - _last.CacheHits) + (now.CacheMisses - _last.CacheMisses);
            var sample = new PipelineSample
            {
                Time = now.At.ToUnixTimeMilliseconds(),
                WritesPerSecond = Math.Round((now.Writes - _last.Writes) / seconds, 1),
                RecomputesPerSecond = Math.Round((now.Recomputes - _last.Recomputes) / seconds, 1),
                FailuresPerSecond = Math.Round((now.Failed - _last.Failed) / seconds, 1),
                DeadLetters = deadLetters,
                WritesQueueDepth = writes.Visible + writes.InFlight,
                AnalyticsQueueDepth = analytics.Visible + analytics.InFlight,
                OldestMessageMs = Milliseconds(Max(writes.OldestMessageAge, analytics.OldestMessageAge)),
                QueueLagP50Ms = Milliseconds(lag.Percentile(50)),
                QueueLagP95Ms = Milliseconds(lag.Percentile(95)),
                QueueLagP99Ms = Milliseconds(lag.Percentile(99)),
                InvocationP50Ms = Milliseconds(invocation.Percentile(50)),
                InvocationP95Ms = Milliseconds(invocation.Percentile(95)),
                InvocationP99Ms = Milliseconds(invocation.Percentile(99)),
                CacheHitRate = reads > 0 ? Math.Round((double)(now.CacheHits - _last.CacheHits) / reads, 3) : null,
            };
            _last = now;
            if (_samples.Count == _capacity)
            {
                _samples.Dequeue();
            }

            _samples.Enqueue(sample);
            _latest = sample;
            return sample;
        }
    }

    /// <summary>The window of samples, oldest first, and a summary of the run so far.</summary>
    public PipelineSnapshot Snapshot()
    {
        PipelineSample[] samples;
        lock (_gate)
        {
            samples = [.. _samples];
        }

        MetricTotals writes = _pipeline.Metrics.WritesTotals, analytics = _pipeline.Metrics.AnalyticsTotals;
        var writesProcessed = writes.Sum(MetricCatalogue.MessagesSucceeded);
        var lag = writes.Histogram(MetricCatalogue.QueueLag);
        var uptime = Math.Max(0.001, (_time.GetUtcNow() - _started).TotalSeconds);
        var reads = _cache.Hits + _cache.Misses;
        return new PipelineSnapshot
        {
            Source = _backend.Name,
            IntervalSeconds = Interval.TotalSeconds,
            Samples = samples,
            Summary = new PipelineSummary
            {
                UptimeSeconds = Math.Round(uptime, 1),
                WritesProcessed = writesProcessed,
                RecomputesProcessed = analytics.Sum(MetricCatalogue.MessagesSucceeded),
                Failed = writes.Sum(MetricCatalogue.MessagesFailed) + analytics.Sum(MetricCatalogue.MessagesFailed),
                Retried = writes.Sum(MetricCatalogue.MessagesRetried) + analytics.Sum(MetricCatalogue.MessagesRetried),
                DeadLetters = samples.Length > 0 ? samples[^1].DeadLetters : 0,
                AverageThroughput = Math.Round(writesProcessed / uptime, 1),
                PeakThroughput = samples.Length > 0 ? samples.Max(static sample => sample.WritesPerSecond) : 0,
                QueueLagP50Ms = Milliseconds(lag.Percentile(50)),
                QueueLagP95Ms = Milliseconds(lag.Percentile(95)),
                QueueLagP99Ms = Milliseconds(lag.Percentile(99)),
                InvocationP99Ms = Milliseconds(writes.Histogram(MetricCatalogue.InvocationDuration).Percentile(99)),
                CacheHitRate = reads > 0 ? Math.Round((double)_cache.Hits / reads, 3) : null,
                Caches = [.. Caches().Select(static c => new CacheSummary
                {
                    Type = c.CacheType,
                    Hits = c.Hits,
                    Misses = c.Misses,
                    HitRate = c.HitRate is { } rate ? Math.Round(rate, 3) : null,
                })],
            },
        };
    }

    private IEnumerable<CacheStatistics> Caches()
    {
        yield return new CacheStatistics(CacheTypes.Analytics, _cache.Hits, _cache.Misses);
        foreach (var statistics in _readCaches?.Statistics() ?? [])
        {
            yield return statistics;
        }
    }

    private static TimeSpan? Max(TimeSpan? left, TimeSpan? right) => left > right || right is null ? left : right;

    private static double Milliseconds(TimeSpan? value) => value is { } span ? Math.Round(span.TotalMilliseconds, 2) : 0;

    /// <summary>The cumulative counters the per-second rates are differences of.</summary>
    private readonly record struct Totals(DateTimeOffset At, long Writes, long Recomputes, long Failed, long CacheHits, long CacheMisses)
    {
        public static Totals Read(WorkerMetrics metrics, AnalyticsCache cache, DateTimeOffset at)
        {
            MetricTotals writes = metrics.WritesTotals, analytics = metrics.AnalyticsTotals;
            return new Totals(at, writes.Sum(MetricCatalogue.MessagesSucceeded), analytics.Sum(MetricCatalogue.MessagesSucceeded),
                writes.Sum(MetricCatalogue.MessagesFailed) + analytics.Sum(MetricCatalogue.MessagesFailed), cache.Hits, cache.Misses);
        }
    }
}
