namespace GymCoach.Workers.Metrics;

/// <summary>Collects the catalogue's metrics in memory and writes them as CloudWatch embedded metric format (EMF) lines on flush.</summary>
/// <remarks>
/// <para>
/// Recording never calls an API: counters are summed and latencies kept as values until <see cref="Flush"/> writes one
/// EMF document per dimension set (more when a distribution holds over 100 values) to a <see cref="TextWriter"/>,
/// standard output in Lambda, where CloudWatch Logs extracts the metrics. Flush once per invocation, or periodically in
/// a long-running host (<see cref="MetricsFlushLoop"/>).
/// </para>
/// <para>
/// Thread-safe. Only <see cref="MetricCatalogue"/> metrics can be recorded, each with exactly the dimension values its
/// set names; anything else throws <see cref="ArgumentException"/>, a wiring bug to find in tests rather than in CloudWatch.
/// </para>
/// </remarks>
public sealed class MetricsRecorder
{
    /// <summary>Values kept per distribution and dimension set between flushes; beyond it values are dropped (and counted in <see cref="DroppedValues"/>).</summary>
    public const int MaxValuesPerFlush = 10_000;

    private readonly Lock _lock = new();
    private readonly List<IMetricsSource> _sources = [];
    private readonly TimeProvider _time;
    private readonly MetricTotals? _totals;
    private Dictionary<SeriesKey, MetricSeries> _series = [];
    private long _dropped;

    /// <param name="functionName">The <c>FunctionName</c> dimension of every metric: in Lambda, <c>AWS_LAMBDA_FUNCTION_NAME</c>.</param>
    /// <param name="totals">Also counts every recorded value here, for reading in process; null (default) keeps nothing past a flush.</param>
    public MetricsRecorder(string functionName, TimeProvider? timeProvider = null, MetricTotals? totals = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        FunctionName = functionName;
        _time = timeProvider ?? TimeProvider.System;
        _totals = totals;
    }

    public string FunctionName { get; }

    /// <summary>The totals this recorder keeps besides its series, or null.</summary>
    public MetricTotals? Totals => _totals;

    /// <summary>Distribution values dropped so far because nobody flushed in time.</summary>
    public long DroppedValues => Interlocked.Read(ref _dropped);

    /// <summary>Adds a source whose counters are sampled at every flush.</summary>
    public void AddSource(IMetricsSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_lock)
        {
            _sources.Add(source);
        }
    }

    /// <summary>Adds <paramref name="value"/> to a counter, or one value to a distribution.</summary>
    /// <param name="queueName">Required for metrics with the <c>QueueName</c> dimension, refused for the others.</param>
    /// <param name="statusClass">Required for metrics with the <c>StatusClass</c> dimension, refused for the others.</param>
    /// <param name="cacheType">Required for metrics with the <c>CacheType</c> dimension, refused for the others.</param>
    /// <exception cref="ArgumentException">The metric is not the catalogue's, a dimension value is missing or extra, or the value is not finite.</exception>
    public void Record(MetricDefinition metric, double value, string? queueName = null, string? statusClass = null, string? cacheType = null)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!MetricCatalogue.Contains(metric))
        {
            throw new ArgumentException($"'{metric.Name}' is not a metric of the catalogue.", nameof(metric));
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{metric.Name} needs a finite value.");
        }

        var key = KeyOf(metric, queueName, statusClass, cacheType);
        lock (_lock)
        {
            if (!_series.TryGetValue(key, out var series))
            {
                _series[key] = series = new MetricSeries(key, metric.Dimensions);
            }

            series.Add(metric, value, MaxValuesPerFlush);
        }

        _totals?.Add(metric, value);
    }

    /// <summary>Records a duration in milliseconds; the metric's unit must be milliseconds.</summary>
    public void Record(MetricDefinition metric, TimeSpan duration, string? queueName = null, string? statusClass = null, string? cacheType = null)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.Unit != MetricUnit.Milliseconds)
        {
            throw new ArgumentException($"{metric.Name} is measured in {metric.Unit.ToEmfName()}, not in time.", nameof(metric));
        }

        Record(metric, duration.TotalMilliseconds, queueName, statusClass, cacheType);
    }

    /// <summary>Samples the sources, writes everything recorded since the last flush as EMF lines and forgets it.</summary>
    /// <returns>How many documents were written (zero when nothing was recorded).</returns>
    public int Flush(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        IMetricsSource[] sources;
        lock (_lock)
        {
            sources = [.. _sources];
        }

        foreach (var source in sources)
        {
            source.Sample(this);
        }

        Dictionary<SeriesKey, MetricSeries> taken;
        lock (_lock)
        {
            taken = _series;
            _series = [];
        }

        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var written = 0;
        foreach (var series in taken.Values)
        {
            Interlocked.Add(ref _dropped, series.Dropped);
            foreach (var document in EmfDocumentWriter.Write(series, timestamp))
            {
                // One Write per line, so concurrent log lines cannot split a document.
                output.Write(document + "\n");
                written++;
            }
        }

        output.Flush();
        return written;
    }

    private SeriesKey KeyOf(MetricDefinition metric, string? queueName, string? statusClass, string? cacheType)
    {
        var wantsQueue = false;
        var wantsStatus = false;
        var wantsCache = false;
        foreach (var dimension in metric.Dimensions)
        {
            wantsQueue |= dimension == MetricDimensions.QueueName;
            wantsStatus |= dimension == MetricDimensions.StatusClass;
            wantsCache |= dimension == MetricDimensions.CacheType;
        }

        CheckDimension(metric, MetricDimensions.QueueName, wantsQueue, queueName);
        CheckDimension(metric, MetricDimensions.StatusClass, wantsStatus, statusClass);
        CheckDimension(metric, MetricDimensions.CacheType, wantsCache, cacheType);
        return new SeriesKey(metric.DimensionSet, FunctionName, queueName, statusClass, cacheType);
    }

    private static void CheckDimension(MetricDefinition metric, string dimension, bool wanted, string? value)
    {
        if (wanted && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{metric.Name} needs a {dimension} value.", dimension);
        }

        if (!wanted && value is not null)
        {
            throw new ArgumentException($"{dimension} is not a dimension of {metric.Name}.", dimension);
        }
    }
}
