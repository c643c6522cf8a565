using GymCoach.Cli.Demo;
using GymCoach.Workers.Metrics;

namespace GymCoach.Benchmarks.Pipeline;

/// <summary>What one consumer did with the measured workouts: speed, the check of its result, store cost and invocation durations.</summary>
/// <param name="Elapsed">From the first poll of a prefilled queue until everything (for the pipeline: the analytics too) has settled.</param>
/// <param name="DeadLetters">Null where the consumer has no dead-letter queue.</param>
/// <param name="AnalyticsMessages">Recompute requests through the analytics queue; null where there is none.</param>
/// <param name="DynamoDbRequests">DynamoDB requests with retries, or null on the embedded store.</param>
/// <param name="DynamoDbDetail">What <paramref name="DynamoDbRequests"/> includes: retries, throttles, what is not seen.</param>
/// <param name="Invocations">Durations of each worker's invocations (for the hand-written consumer: of each received batch).</param>
internal sealed record ConsumerFigures(
    string Consumer,
    int Workouts,
    TimeSpan Elapsed,
    DemoCheck Check,
    long Redeliveries,
    long? DeadLetters,
    long? AnalyticsMessages,
    IReadOnlyList<CountingItemStore.OperationCounts> StoreOperations,
    long? DynamoDbRequests,
    string? DynamoDbDetail,
    IReadOnlyList<(string Name, LatencyHistogram Durations)> Invocations)
{
    public double MessagesPerSecond => Workouts / Math.Max(Elapsed.TotalSeconds, 0.001);
}
