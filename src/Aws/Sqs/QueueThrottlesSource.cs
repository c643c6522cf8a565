using GymCoach.Workers.Metrics;

namespace GymCoach.Aws.Sqs;

/// <summary>Samples the throttling answers of a worker's SQS queues (<see cref="ThrottleBackoffQueue.Throttles"/>) into <c>QueueThrottles</c> at every flush.</summary>
public sealed class QueueThrottlesSource(params IReadOnlyList<ThrottleBackoffQueue> queues) : IMetricsSource
{
    private readonly CounterDelta _throttles = new();

    public void Sample(MetricsRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        long total = 0;
        foreach (var queue in queues)
        {
            total += queue.Throttles;
        }

        recorder.Record(MetricCatalogue.QueueThrottles, _throttles.Take(total));
    }
}
