using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Batching;

/// <summary>The result of one event: the partial batch response for Lambda, and counts for metrics and the summary log.</summary>
/// <remarks>
/// The counts are disjoint and add up to the event's records. <see cref="Response"/> lists the
/// <see cref="RetryFailed"/> and <see cref="NotStarted"/> messages, each id once.
/// </remarks>
/// <param name="Succeeded">Handled and completed: deleted from the source queue.</param>
/// <param name="RetryFailed">Started but failed (transient, or poison whose dead-lettering failed): retried.</param>
/// <param name="DeadLettered">Poison, sent to the dead-letter queue: deleted from the source queue.</param>
/// <param name="NotStarted">Never handled (deadline, cancellation, or an earlier failure in its FIFO group): retried.</param>
public sealed record BatchOutcome(SqsBatchResponse Response, int Succeeded, int RetryFailed, int DeadLettered, int NotStarted)
{
    public int Total => Succeeded + RetryFailed + DeadLettered + NotStarted;
}
