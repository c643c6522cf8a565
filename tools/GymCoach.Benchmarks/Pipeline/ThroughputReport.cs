using System.Globalization;
using GymCoach.Cli.Reports;

namespace GymCoach.Benchmarks.Pipeline;

/// <summary>Prints a <c>pipeline-throughput</c> run: throughput and check, store cost per new workout by operation, invocation durations, the ratio.</summary>
internal static class ThroughputReport
{
    public static void Write(PipelineThroughputOptions options, ConsumerFigures pipeline, ConsumerFigures? baseline, TextWriter output)
    {
        var consumers = baseline is null ? new[] { pipeline } : [pipeline, baseline];
        output.WriteLine();
        output.WriteLine(Text($"pipeline-throughput: backend {options.Backend}, {options.Users:N0} users, {options.Workouts:N0} new workouts, history {options.History:N0} per user, seed {options.Seed}"));
        output.WriteLine("Distinct workouts, prefilled into the writes queue (no HTTP, no duplicates, no profiles); measured until the analytics settled.");
        output.WriteLine();

        var summary = new TextTable(["", .. consumers.Select(c => c.Consumer)]);
        summary.Add(["messages/s", .. consumers.Select(c => Text($"{c.MessagesPerSecond:N0}"))]);
        summary.Add(["elapsed", .. consumers.Select(c => Text($"{c.Elapsed.TotalSeconds:N2} s"))]);
        summary.Add(["check", .. consumers.Select(c => c.Check.Passed ? "passed" : Text($"FAILED ({c.Check.MismatchCount:N0} mismatches, {c.Check.DeadLetters:N0} dead letters)"))]);
        summary.Add(["redeliveries", .. consumers.Select(c => Text($"{c.Redeliveries:N0}"))]);
        summary.Add(["dead letters", .. consumers.Select(c => c.DeadLetters is { } d ? Text($"{d:N0}") : "-")]);
        summary.Add(["recompute requests", .. consumers.Select(c => c.AnalyticsMessages is { } a ? Text($"{a:N0}") : "-")]);
        output.Write(summary);
        output.WriteLine();

        var store = new TextTable("store, per new workout", "operation", "calls", "items read", "items written", "writes refused");
        foreach (var consumer in consumers)
        {
            foreach (var operation in consumer.StoreOperations)
            {
                store.Add(consumer.Consumer, operation.Operation, PerWorkout(operation.Calls, consumer), PerWorkout(operation.ItemsRead, consumer), PerWorkout(operation.ItemsWritten, consumer), PerWorkout(operation.WritesRefused, consumer));
            }

            var total = Sum(consumer.StoreOperations);
            store.Add(consumer.Consumer, "all", PerWorkout(total.Calls, consumer), PerWorkout(total.ItemsRead, consumer), PerWorkout(total.ItemsWritten, consumer), PerWorkout(total.WritesRefused, consumer));
            if (consumer.DynamoDbRequests is { } requests)
            {
                store.Add(consumer.Consumer, "DynamoDB requests", PerWorkout(requests, consumer), "", "", "");
            }
        }

        output.Write(store);
        foreach (var consumer in consumers.Where(c => c.DynamoDbDetail is not null))
        {
            output.WriteLine($"{consumer.Consumer} DynamoDB requests: {consumer.DynamoDbDetail}");
        }

        output.WriteLine();

        var durations = new TextTable("invocation duration", "count", "p50", "p95", "p99", "max");
        foreach (var (name, histogram) in consumers.SelectMany(c => c.Invocations))
        {
            durations.Add(name, Text($"{histogram.Count:N0}"), Ms(histogram.Percentile(50)), Ms(histogram.Percentile(95)), Ms(histogram.Percentile(99)), Ms(histogram.Max));
        }

        output.Write(durations);
        output.WriteLine();

        foreach (var consumer in consumers)
        {
            foreach (var example in consumer.Check.Examples)
            {
                output.WriteLine($"{consumer.Consumer} mismatch: {example}");
            }
        }

        output.WriteLine(baseline is null
            ? "pipeline / hand-written: no baseline on the embedded backend (the hand-written consumer needs the SQS and DynamoDB APIs); run with --backend local."
            : Text($"pipeline / hand-written: {pipeline.MessagesPerSecond / baseline.MessagesPerSecond:N2}× the messages/s ({pipeline.MessagesPerSecond:N0} / {baseline.MessagesPerSecond:N0})"));
    }

    private static CountingItemStore.OperationCounts Sum(IReadOnlyList<CountingItemStore.OperationCounts> operations) => new(
        "all", operations.Sum(o => o.Calls), operations.Sum(o => o.ItemsRead), operations.Sum(o => o.ItemsWritten), operations.Sum(o => o.WritesRefused));

    private static string PerWorkout(long count, ConsumerFigures consumer) => Text($"{(double)count / consumer.Workouts:N3}");

    private static string Ms(TimeSpan duration) => Text($"{duration.TotalMilliseconds:N1} ms");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
