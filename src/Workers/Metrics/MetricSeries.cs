namespace GymCoach.Workers.Metrics;

/// <summary>What was recorded under one <see cref="SeriesKey"/> since the last flush: sums of counters, values of distributions.</summary>
/// <remarks>Not thread-safe: the <see cref="MetricsRecorder"/> guards it.</remarks>
internal sealed class MetricSeries(SeriesKey key, IReadOnlyList<string> dimensions)
{
    private readonly SortedDictionary<int, double> _sums = [];
    private readonly SortedDictionary<int, List<double>> _values = [];

    public SeriesKey Key { get; } = key;

    public IReadOnlyList<string> Dimensions { get; } = dimensions;

    /// <summary>Counter sums by catalogue index, in catalogue order.</summary>
    public IReadOnlyDictionary<int, double> Sums => _sums;

    /// <summary>Distribution values by catalogue index, in catalogue order.</summary>
    public IReadOnlyDictionary<int, List<double>> Values => _values;

    /// <summary>Values dropped because a distribution reached its cap before a flush.</summary>
    public long Dropped { get; private set; }

    public void Add(MetricDefinition metric, double value, int maxValues)
    {
        if (metric.Kind == MetricKind.Counter)
        {
            _sums[metric.Index] = _sums.GetValueOrDefault(metric.Index) + value;
            return;
        }

        if (!_values.TryGetValue(metric.Index, out var values))
        {
            _values[metric.Index] = values = new List<double>(16);
        }

        if (values.Count < maxValues)
        {
            values.Add(value);
        }
        else
        {
            Dropped++;
        }
    }
}
