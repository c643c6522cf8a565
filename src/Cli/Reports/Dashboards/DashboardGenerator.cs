using System.Text.Encodings.Web;
using System.Text.Json;
using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Reports.Dashboards;

/// <summary>Generates infrastructure/dashboard.json, the CloudWatch dashboard body, from the <see cref="MetricCatalogue"/>.</summary>
/// <remarks>
/// The body keeps <c>${Stage}</c> and <c>${AWS::Region}</c> for the template to substitute
/// (<c>DashboardBody: !Sub</c> with the file's text). GymCoach metrics can only be named through the catalogue, so a
/// renamed or removed metric fails the build of this generator, and a test fails when the committed file is stale.
/// It watches the two worker functions and the ingest API's function (latency, requests by status class, its store and
/// publisher calls). The cache widget finds its series by search, so it shows every function of the stage that reports
/// a cache (the API, and the local run) per cache type.
/// </remarks>
internal static class DashboardGenerator
{
    private const int Width = 12;
    private const int Height = 6;

    private static readonly string[] Percentiles = ["p50", "p95", "p99"];
    private static readonly string[] StatusClasses = ["2xx", "4xx", "5xx"];

    public static IReadOnlyList<DashboardWidget> Widgets()
    {
        var workers = InfraNames.Workers;
        var functions = new[] { InfraNames.WritesFunction, InfraNames.AnalyticsFunction, InfraNames.ApiFunction };
        var widgets = new List<DashboardWidget>
        {
            Widget("Throughput (messages per minute)", "Sum", [.. workers.SelectMany(w => new[]
            {
                Labelled(DashboardMetric.Of(MetricCatalogue.MessagesReceived, w.Function, w.Queue), $"{w.Label} received"),
                Labelled(DashboardMetric.Of(MetricCatalogue.MessagesSucceeded, w.Function, w.Queue), $"{w.Label} succeeded"),
            })]),
            Widget("Failures and dead letters", "Sum", [.. workers.SelectMany(w => new[]
            {
                Labelled(DashboardMetric.Of(MetricCatalogue.MessagesFailed, w.Function, w.Queue), $"{w.Label} failed (retried)"),
                Labelled(DashboardMetric.Of(MetricCatalogue.MessagesDeadLettered, w.Function, w.Queue), $"{w.Label} dead-lettered"),
                Labelled(DashboardMetric.Sqs("ApproximateNumberOfMessagesVisible", w.DeadLetterQueue), $"{w.Label} DLQ depth") with { Stat = "Maximum" },
            })]),
            Widget("Age of oldest message (seconds)", "Maximum", [.. workers.Select(w =>
                Labelled(DashboardMetric.Sqs("ApproximateAgeOfOldestMessage", w.Queue), w.Label))]),
            Widget("Queue lag: sent to received (ms)", "p95", Percentile(MetricCatalogue.QueueLag, workers)),
            Widget("Chunk duration (ms)", "p95", Percentile(MetricCatalogue.ChunkDuration, workers)),
            Widget("Redeliveries and invocation errors", "Sum", [.. workers.SelectMany(w => new[]
            {
                Labelled(DashboardMetric.Of(MetricCatalogue.MessagesRetried, w.Function, w.Queue), $"{w.Label} redelivered"),
                Labelled(DashboardMetric.Of(MetricCatalogue.InvocationErrors, w.Function, w.Queue), $"{w.Label} invocation errors"),
            })]),

            // What Lambda itself counts: a crashed, timed-out or throttled invocation emits none of the workers' metrics.
            Widget("Lambda errors and throttles", "Sum", [.. workers.Select(w => (Function: w.Function, Label: w.Label)).Append((Function: InfraNames.ApiFunction, Label: "API")).SelectMany(f => new[]
            {
                Labelled(DashboardMetric.Lambda("Errors", f.Function), $"{f.Label} errors"),
                Labelled(DashboardMetric.Lambda("Throttles", f.Function), $"{f.Label} throttles"),
            })]),
            Widget("Analytics recomputes", "Sum",
                [Labelled(DashboardMetric.Of(MetricCatalogue.AnalyticsRecomputes, InfraNames.AnalyticsFunction), "recomputes")]),
            Widget("Store latency p95 (ms)", "p95", [.. functions.Select(f => Labelled(DashboardMetric.Of(MetricCatalogue.StoreLatency, f), f))]),
            Widget("Store throttles and retries", "Sum", [.. functions.SelectMany(f => new[]
            {
                Labelled(DashboardMetric.Of(MetricCatalogue.StoreThrottles, f), $"{f} throttles"),
                Labelled(DashboardMetric.Of(MetricCatalogue.StoreRetries, f), $"{f} retries"),
            })]),
            Widget("Throttling: lowest chunk concurrency, decreases, SQS throttles", "Minimum", [.. workers.SelectMany(w => new[]
            {
                Labelled(DashboardMetric.Of(MetricCatalogue.ChunkConcurrencyLimit, w.Function, w.Queue), $"{w.Label} lowest concurrency"),
                Labelled(DashboardMetric.Of(MetricCatalogue.ChunkConcurrencyDecreases, w.Function, w.Queue), $"{w.Label} decreases") with { Stat = "Sum" },
                Labelled(DashboardMetric.Of(MetricCatalogue.QueueThrottles, w.Function), $"{w.Label} SQS throttles") with { Stat = "Sum" },
            })]),
            Widget("Publisher: entries per SendMessageBatch, failed entries", "Average",
            [
                Labelled(DashboardMetric.Of(MetricCatalogue.PublisherBatchFill, InfraNames.ApiFunction), "API batch fill"),
                Labelled(DashboardMetric.Of(MetricCatalogue.PublisherBatchFill, InfraNames.WritesFunction), "writes worker batch fill"),
                Labelled(DashboardMetric.Of(MetricCatalogue.PublisherFailures, InfraNames.ApiFunction), "API failed entries") with { Stat = "Sum" },
                Labelled(DashboardMetric.Of(MetricCatalogue.PublisherFailures, InfraNames.WritesFunction), "writes worker failed entries") with { Stat = "Sum" },
            ]),
            Widget("API latency (ms)", "p95", [.. Percentiles.Select(p =>
                Labelled(DashboardMetric.Of(MetricCatalogue.ApiLatency, InfraNames.ApiFunction), p) with { Stat = p })]),
            Widget("API requests by status class", "Sum", [.. StatusClasses.Select(status =>
                Labelled(DashboardMetric.Of(MetricCatalogue.ApiRequests, InfraNames.ApiFunction, statusClass: status), status))]),

            // By search rather than by name: each function and cache type that reports is a line (analytics, profile, exercises, plans).
            Widget("Cache hits and misses by cache type", "Sum",
            [
                DashboardMetric.Search("hits", MetricCatalogue.CacheHits, InfraNames.Stage),
                DashboardMetric.Search("misses", MetricCatalogue.CacheMisses, InfraNames.Stage),
            ]),
        };

        // Two per row, in order.
        return [.. widgets.Select((w, i) => w with { X = (i % 2) * Width, Y = (i / 2) * Height })];
    }

    /// <summary>The dashboard body, indented, ending in a newline.</summary>
    public static string Generate()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("widgets");
            foreach (var widget in Widgets())
            {
                WriteWidget(json, widget);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static DashboardWidget Widget(string title, string stat, IReadOnlyList<DashboardMetric> metrics) =>
        new(title, 0, 0, Width, Height, stat, metrics);

    private static DashboardMetric Labelled(DashboardMetric metric, string label) => metric with { Label = label };

    private static DashboardMetric[] Percentile(MetricDefinition metric, IReadOnlyList<WorkerNames> workers) =>
        [.. workers.SelectMany(w => Percentiles.Select(p => Labelled(DashboardMetric.Of(metric, w.Function, w.Queue), $"{w.Label} {p}") with { Stat = p }))];

    private static void WriteWidget(Utf8JsonWriter json, DashboardWidget widget)
    {
        json.WriteStartObject();
        json.WriteString("type", "metric");
        json.WriteNumber("x", widget.X);
        json.WriteNumber("y", widget.Y);
        json.WriteNumber("width", widget.Width);
        json.WriteNumber("height", widget.Height);
        json.WriteStartObject("properties");
        json.WriteString("title", widget.Title);
        json.WriteString("region", InfraNames.Region);
        json.WriteString("view", "timeSeries");
        json.WriteBoolean("stacked", false);
        json.WriteString("stat", widget.Stat);
        json.WriteNumber("period", 60);
        json.WriteStartArray("metrics");
        foreach (var metric in widget.Metrics)
        {
            WriteMetric(json, metric);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteMetric(Utf8JsonWriter json, DashboardMetric metric)
    {
        json.WriteStartArray();
        if (metric.Expression is null)
        {
            json.WriteStringValue(metric.Namespace);
            json.WriteStringValue(metric.Name);
            foreach (var (name, value) in metric.Dimensions)
            {
                json.WriteStringValue(name);
                json.WriteStringValue(value);
            }
        }

        json.WriteStartObject();
        if (metric.Expression is not null)
        {
            json.WriteString("expression", metric.Expression);
        }

        if (metric.Id is not null)
        {
            json.WriteString("id", metric.Id);
        }

        if (metric.Label is not null)
        {
            json.WriteString("label", metric.Label);
        }

        if (metric.Stat is not null)
        {
            json.WriteString("stat", metric.Stat);
        }

        if (!metric.Visible)
        {
            json.WriteBoolean("visible", false);
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }
}
