using System.Buffers;
using System.Text;
using System.Text.Json;

namespace GymCoach.Workers.Metrics;

/// <summary>Writes one <see cref="MetricSeries"/> as CloudWatch embedded metric format documents, one JSON object per line.</summary>
/// <remarks>
/// Follows the EMF specification's limits: at most <see cref="MaxMetricsPerDocument"/> metric definitions per
/// directive and at most <see cref="MaxValuesPerMetric"/> values per metric, so a distribution with more values is
/// spread over several documents (counters go into the first). Every referenced dimension and metric is a root member.
/// </remarks>
internal static class EmfDocumentWriter
{
    public const int MaxMetricsPerDocument = 100;
    public const int MaxValuesPerMetric = 100;

    public static IEnumerable<string> Write(MetricSeries series, long timestampMs)
    {
        var longest = 0;
        foreach (var values in series.Values.Values)
        {
            longest = Math.Max(longest, values.Count);
        }

        var pages = Math.Max(1, (longest + MaxValuesPerMetric - 1) / MaxValuesPerMetric);
        for (var page = 0; page < pages; page++)
        {
            var entries = new List<(MetricDefinition Metric, double Sum, List<double>? Values)>();
            if (page == 0)
            {
                foreach (var (index, sum) in series.Sums)
                {
                    entries.Add((MetricCatalogue.All[index], sum, null));
                }
            }

            foreach (var (index, values) in series.Values)
            {
                if (values.Count > page * MaxValuesPerMetric)
                {
                    entries.Add((MetricCatalogue.All[index], 0, values));
                }
            }

            entries.Sort(static (a, b) => a.Metric.Index.CompareTo(b.Metric.Index));
            for (var start = 0; start < entries.Count; start += MaxMetricsPerDocument)
            {
                var count = Math.Min(MaxMetricsPerDocument, entries.Count - start);
                yield return Document(series, timestampMs, entries.GetRange(start, count), page);
            }
        }
    }

    private static string Document(
        MetricSeries series,
        long timestampMs,
        List<(MetricDefinition Metric, double Sum, List<double>? Values)> entries,
        int page)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestampMs);
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", MetricCatalogue.Namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            foreach (var dimension in series.Dimensions)
            {
                json.WriteStringValue(dimension);
            }

            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var (metric, _, _) in entries)
            {
                json.WriteStartObject();
                json.WriteString("Name", metric.Name);
                json.WriteString("Unit", metric.Unit.ToEmfName());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();

            foreach (var dimension in series.Dimensions)
            {
                json.WriteString(dimension, series.Key.ValueOf(dimension));
            }

            foreach (var (metric, sum, values) in entries)
            {
                if (values is null)
                {
                    json.WriteNumber(metric.Name, Math.Round(sum, 3));
                    continue;
                }

                json.WriteStartArray(metric.Name);
                var end = Math.Min(values.Count, (page + 1) * MaxValuesPerMetric);
                for (var i = page * MaxValuesPerMetric; i < end; i++)
                {
                    json.WriteNumberValue(Math.Round(values[i], 3));
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
