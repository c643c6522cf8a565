using System.Globalization;
using GymCoach.Cli.Reports.Live;
using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Demo;

/// <summary>Prints the summary table of a demo run.</summary>
internal static class DemoSummary
{
    public static void Write(DemoResult result, TextWriter output)
    {
        var rows = Rows(result);
        var width = rows.Max(r => r.Name.Length);
        output.WriteLine();
        output.WriteLine("GymCoach demo summary");
        foreach (var (name, value) in rows)
        {
            output.WriteLine($"  {name.PadRight(width)}  {value}");
        }

        foreach (var example in result.Check.Examples)
        {
            output.WriteLine($"  mismatch: {example}");
        }
    }

    /// <summary>The summary as name and value rows: printed by <see cref="Write"/>, and the table of a <c>--report</c>.</summary>
    public static IReadOnlyList<SummaryRow> Rows(DemoResult result)
    {
        var writes = result.Writes;
        var analytics = result.Analytics;
        var seconds = Math.Max(result.Elapsed.TotalSeconds, 0.001);
        var check = result.Check;
        return
        [
            new("backend", result.Options.Backend),
            new("workload", $"{result.Options.Users:N0} users, {result.Options.Workouts:N0} workouts, seed {result.Options.Seed}"),
            new("messages produced", $"{result.Workload.MessageCount:N0} through the HTTP API ({result.Workload.Duplicates:N0} duplicates, {result.Workload.ExpectedDeadLetters:N0} conflicting)"),
            new("rejected by the API", $"{check.Rejected:N0} invalid requests (expected {check.ExpectedRejections:N0}), none of them queued"),
            new("elapsed", $"{result.Elapsed.TotalSeconds:N1} s"),
            new("throughput", $"{writes.MessagesDeleted / seconds:N0} writes/s, {(writes.MessagesDeleted + analytics.MessagesDeleted) / seconds:N0} messages/s over both workers"),
            new("end-to-end latency (writes)", Percentiles(writes.EndToEndLatency)),
            new("end-to-end latency (recomputes)", Percentiles(analytics.EndToEndLatency)),
            new("invocation duration (writes)", Percentiles(writes.InvocationDuration)),
            new("timeouts", $"function {result.Options.FunctionTimeout.TotalSeconds:N0} s, queue visibility {result.VisibilityTimeout.TotalSeconds:N0} s (a failed message's wait)"),
            new("invocations", $"{writes.Invocations:N0} writes, {analytics.Invocations:N0} analytics ({writes.FailedInvocations + analytics.FailedInvocations:N0} retried whole, {writes.TimedOutInvocations + analytics.TimedOutInvocations:N0} timed out)"),
            new("analytics recomputes", $"{analytics.MessagesDeleted:N0} requests for {check.UsersChecked:N0} users"),
            new("injected failures", $"{result.InjectedFailures:N0} (failure rate {result.Options.FailureRate.ToString(CultureInfo.InvariantCulture)})"),
            new("partial-batch failures", $"{writes.MessagesReportedFailed + analytics.MessagesReportedFailed:N0} reported, {writes.Redeliveries + analytics.Redeliveries:N0} redeliveries"),
            new("dead-letter queues", $"{check.DeadLetters:N0} (expected {check.ExpectedDeadLetters:N0})"),
            new("check", check.Passed
                ? $"PASSED: analytics of all {check.UsersChecked:N0} users equal a direct computation; {check.ProfilesChecked:N0} profiles are the newest"
                : $"FAILED: {check.MismatchCount:N0} mismatches; dead letters {check.DeadLetters:N0} of {check.ExpectedDeadLetters:N0} expected; rejections {check.Rejected:N0} of {check.ExpectedRejections:N0}"),
        ];
    }

    private static string Percentiles(LatencyHistogram histogram) =>
        histogram.Count == 0
            ? "-"
            : $"p50 {Ms(histogram.Percentile(50))}, p95 {Ms(histogram.Percentile(95))}, p99 {Ms(histogram.Percentile(99))}, max {Ms(histogram.Max)}";

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString(value.TotalMilliseconds < 10 ? "0.00" : "N0", CultureInfo.InvariantCulture) + " ms";
}
