using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;
using Serilog;

namespace GymCoach.Hosting.Workers;

/// <summary>Logs each invocation's outcome counts as one structured line, for CloudWatch metric filters and Logs Insights.</summary>
/// <remarks>Failed messages are already logged by the batch processor; this adds the totals, dead letters included.</remarks>
internal sealed class OutcomeLog(ILogger logger) : IBatchObserver
{
    public void OnMessageFailed(SqsMessage message, Exception exception, bool poison)
    {
    }

    public void OnChunkCompleted(int chunkIndex, int size, int failed, TimeSpan duration)
    {
    }

    public void OnBatchCompleted(BatchOutcome outcome, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        logger.Information(
            "Batch of {MessageCount} messages: {SucceededCount} succeeded, {DeadLetteredCount} dead-lettered, {RetryCount} to retry, {NotStartedCount} not started, in {ElapsedMs} ms",
            outcome.Total,
            outcome.Succeeded,
            outcome.DeadLettered,
            outcome.RetryFailed,
            outcome.NotStarted,
            (long)duration.TotalMilliseconds);
    }
}
