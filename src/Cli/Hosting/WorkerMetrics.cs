using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Hosting;

/// <summary>The two local workers' metrics: a recorder each, named as the deployed functions are with the stage <c>local</c>, keeping totals for the dashboard.</summary>
/// <remarks>
/// Each worker flushes its recorder's EMF documents to <see cref="Output"/> after every invocation, as in Lambda; the
/// totals stay, so the dashboard and the demo's report read the very series EMF carries.
/// </remarks>
internal sealed class WorkerMetrics
{
    /// <summary>The writes worker's <c>FunctionName</c> (deployed: <c>gymcoach-writes-worker-${Stage}</c>).</summary>
    public const string WritesFunctionName = "gymcoach-writes-worker-local";

    /// <summary>The analytics worker's <c>FunctionName</c> (deployed: <c>gymcoach-analytics-worker-${Stage}</c>).</summary>
    public const string AnalyticsFunctionName = "gymcoach-analytics-worker-local";

    /// <param name="output">Where the EMF documents go: synchronized, since both workers and their concurrent invocations flush to it.</param>
    public WorkerMetrics(TextWriter output, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(output);
        Output = output;
        Writes = new MetricsRecorder(WritesFunctionName, timeProvider, WritesTotals);
        Analytics = new MetricsRecorder(AnalyticsFunctionName, timeProvider, AnalyticsTotals);
    }

    public MetricsRecorder Writes { get; }

    public MetricsRecorder Analytics { get; }

    public MetricTotals WritesTotals { get; } = new();

    public MetricTotals AnalyticsTotals { get; } = new();

    public TextWriter Output { get; }

    /// <summary>Metrics kept in memory only: their EMF documents are discarded.</summary>
    public static WorkerMetrics InMemory(TimeProvider timeProvider) => new(TextWriter.Null, timeProvider);
}
