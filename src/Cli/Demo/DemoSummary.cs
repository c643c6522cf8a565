using System.Globalization;
using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Demo;

/// <summary>Prints the summary table of a demo run.</summary>
internal static class DemoSummary
{
    public static void Write(DemoResult result, TextWriter output)
    {
        var writes = result.Writes;
        var analytics = result.Analytics;
        var seconds = Math.Max(result.Elapsed.TotalSeconds, 0.001);
        var check = result.Check;
        var rows = new (string Name, string Value)[]
        {
            ("backend", result.Options.Backend),
            ("workload", $"{result.Options.Users:N0} users, {result.Options.Workouts:N0} workouts, seed {result.Options.Seed}"),
            ("messages produced", $"{result.Workload.MessageCount:N0} through the HTTP API ({result.Workload.Duplicates:N0} duplicates, {result.Workload.ExpectedDeadLetters:N0} conflicting)"),
            ("rejected by the API", $"{check.Rejected:N0} invalid requests (expected {check.ExpectedRejections:N0}), none of them queued"),
            ("elapsed", $"{result.Elapsed.TotalSeconds:N1} s"),
            ("throughput", $"{writes.MessagesDeleted / seconds:N0} writes/s, {(writes.MessagesDeleted + analytics.MessagesDeleted) / seconds:N0} messages/s over both workers"),
            ("end-to-end latency (writes)", Percentiles(writes.EndToEndLatency)),
            ("end-to-end latency (recomputes)", Percentiles(analytics.EndToEndLatency)),
            ("invocation duration (writes)", Percentiles(writes.InvocationDuration)),
            ("invocations", $"{writes.Invocations:N0} writes, {analytics.Invocations:N0} analytics ({writes.FailedInvocations + analytics.FailedInvocations:N0} retried whole)"),
            ("analytics recomputes", $"{analytics.MessagesDeleted:N0} requests for {check.UsersChecked:N0} users"),
            ("injected failures", $"{result.InjectedFailures:N0} (failure rate {result.Options.FailureRate.ToString(CultureInfo.InvariantCulture)})"),
            ("partial-batch failures", $"{writes.MessagesReportedFailed + analytics.MessagesReportedFailed:N0} reported, {writes.Redeliveries + analytics.Redeliveries:N0} redeliveries"),
            ("dead-letter queues", $"{check.DeadLetters:N0} (expected {check.ExpectedDeadLetters:N0})"),
            ("check", check.Passed
                ? $"PASSED: analytics of all {check.UsersChecked:N0} users equal a direct computation; {check.ProfilesChecked:N0} profiles are the newest"
                : $"FAILED: {check.MismatchCount:N0} mismatches; dead letters {check.DeadLetters:N0} of {check.ExpectedDeadLetters:N0} expected; rejections {check.Rejected:N0} of {check.ExpectedRejections:N0}"),
        };

        var width = rows.Max(r => r.Name.Length);
        output.WriteLine();
        output.WriteLine("GymCoach demo summary");
        foreach (var (name, value) in rows)
        {
            output.WriteLine($"  {name.PadRight(width)}  {value}");
        }

        foreach (var example in check.Examples)
        {
            output.WriteLine($"  mismatch: {example}");
        }
    }

    private static string Percentiles(LatencyHistogram histogram) =>
        histogram.Count == 0
            ? "-"
            : $"p50 {Ms(histogram.Percentile(50))}, p95 {Ms(histogram.Percentile(95))}, p99 {Ms(histogram.Percentile(99))}, max {Ms(histogram.Max)}";

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString(value.TotalMilliseconds < 10 ? "0.00" : "N0", CultureInfo.InvariantCulture) + " ms";
}
