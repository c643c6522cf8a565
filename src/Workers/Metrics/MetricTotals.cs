namespace GymCoach.Workers.Metrics;

/// <summary>Everything a <see cref="MetricsRecorder"/> has recorded since it was created: counters summed, latencies in histograms.</summary>
/// <remarks>
/// <para>
/// A flush forgets what it wrote; these totals do not, so a long-running local host (the <c>gymcoach run</c> dashboard,
/// the demo's report) can read the same series EMF carries, with the catalogue's meanings, at any time. Give it to the
/// recorder's constructor; a Lambda function needs none.
/// </para>
/// <para>
/// Totals are kept per metric over all its dimension values (a recorder has one <c>FunctionName</c>, and each local
/// worker one <c>QueueName</c>). Only distributions measured in milliseconds keep a histogram. Thread-safe.
/// </para>
/// </remarks>
public sealed class MetricTotals
{
    private readonly long[] _counters = new long[MetricCatalogue.All.Count];
    private readonly LatencyHistogram?[] _histograms = new LatencyHistogram?[MetricCatalogue.All.Count];

    public MetricTotals()
    {
        foreach (var metric in MetricCatalogue.All)
        {
            if (metric.Kind == MetricKind.Distribution && metric.Unit == MetricUnit.Milliseconds)
            {
                _histograms[metric.Index] = new LatencyHistogram();
            }
        }
    }

    /// <summary>The sum of a counter so far, over all its dimension values.</summary>
    /// <exception cref="ArgumentException">The metric is not one of the catalogue's counters.</exception>
    public long Sum(MetricDefinition metric)
    {
        CheckKind(metric, MetricKind.Counter);
        return Interlocked.Read(ref _counters[metric.Index]);
    }

    /// <summary>The values of a millisecond distribution so far, over all its dimension values.</summary>
    /// <exception cref="ArgumentException">The metric is not one of the catalogue's distributions in milliseconds.</exception>
    public LatencyHistogram Histogram(MetricDefinition metric)
    {
        CheckKind(metric, MetricKind.Distribution);
        return _histograms[metric.Index] ?? throw new ArgumentException($"{metric.Name} is not measured in milliseconds.", nameof(metric));
    }

    /// <summary>Counts one recorded value; the recorder has checked the metric and the value.</summary>
    internal void Add(MetricDefinition metric, double value)
    {
        if (metric.Kind == MetricKind.Counter)
        {
            // Counters count things: whole numbers, summed exactly.
            Interlocked.Add(ref _counters[metric.Index], (long)Math.Round(value));
        }
        else
        {
            _histograms[metric.Index]?.Record(TimeSpan.FromMilliseconds(value));
        }
    }

    private static void CheckKind(MetricDefinition metric, MetricKind kind)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!MetricCatalogue.Contains(metric) || metric.Kind != kind)
        {
            throw new ArgumentException($"'{metric.Name}' is not a {kind.ToString().ToLowerInvariant()} of the catalogue.", nameof(metric));
        }
    }
}
