using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Metrics;

/// <summary>Records the <see cref="BatchProcessor"/>'s events as catalogue metrics: chunk durations and each event's outcome counts.</summary>
/// <remarks>
/// Pass it as the processor's observer; pair it with <see cref="MeteredSqsFunction"/> on the same recorder, which
/// records what only the event shows (messages received, lag, redeliveries, invocation duration) and flushes.
/// </remarks>
public sealed class MetricsBatchObserver : IBatchObserver
{
    private readonly MetricsRecorder _recorder;
    private readonly string _queueName;

    /// <param name="queueName">The <c>QueueName</c> dimension: the queue the worker reads.</param>
    public MetricsBatchObserver(MetricsRecorder recorder, string queueName)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        _recorder = recorder;
        _queueName = queueName;
    }

    /// <remarks>Failures are counted from the outcome instead: a poison message whose dead-lettering fails is retried, not dead-lettered.</remarks>
    public void OnMessageFailed(SqsMessage message, Exception exception, bool poison)
    {
    }

    public void OnChunkCompleted(int chunkIndex, int size, int failed, TimeSpan duration) =>
        _recorder.Record(MetricCatalogue.ChunkDuration, duration, _queueName);

    public void OnBatchCompleted(BatchOutcome outcome, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _recorder.Record(MetricCatalogue.MessagesSucceeded, outcome.Succeeded, _queueName);
        _recorder.Record(MetricCatalogue.MessagesFailed, outcome.RetryFailed + outcome.NotStarted, _queueName);
        _recorder.Record(MetricCatalogue.MessagesDeadLettered, outcome.DeadLettered, _queueName);
    }
}
