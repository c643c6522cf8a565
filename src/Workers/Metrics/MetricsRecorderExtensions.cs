namespace GymCoach.Workers.Metrics;

/// <summary>One-line recording hooks for the places that have no seam of their own: the HTTP API and the analytics recompute.</summary>
public static class MetricsRecorderExtensions
{
    /// <summary>Records one answered HTTP request: <c>ApiRequests</c> by status class and <c>ApiLatency</c>.</summary>
    public static void RecordApiRequest(this MetricsRecorder recorder, int statusCode, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        recorder.Record(MetricCatalogue.ApiRequests, 1, statusClass: StatusClassOf(statusCode));
        recorder.Record(MetricCatalogue.ApiLatency, latency);
    }

    /// <summary>Records analytics documents recomputed and stored.</summary>
    public static void RecordRecomputes(this MetricsRecorder recorder, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        recorder.Record(MetricCatalogue.AnalyticsRecomputes, count);
    }

    /// <summary><c>2xx</c> for 200–299 and so on; anything outside 100–599 is <c>5xx</c>, as a proxy would answer it.</summary>
    public static string StatusClassOf(int statusCode) => statusCode switch
    {
        >= 100 and < 200 => "1xx",
        >= 200 and < 300 => "2xx",
        >= 300 and < 400 => "3xx",
        >= 400 and < 500 => "4xx",
        _ => "5xx",
    };
}
