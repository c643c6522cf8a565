using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Batching;

/// <summary>Hooks for metrics on the <see cref="BatchProcessor"/>; <see cref="NullBatchObserver"/> does nothing.</summary>
/// <remarks>Called concurrently from concurrent chunks; implementations must be thread-safe, quick, and must not throw.</remarks>
public interface IBatchObserver
{
    /// <summary>A message failed while handled or completed; <paramref name="poison"/> when it is headed for the dead-letter queue.</summary>
    void OnMessageFailed(SqsMessage message, Exception exception, bool poison);

    /// <summary>A chunk finished; <paramref name="failed"/> counts its messages that will be retried.</summary>
    void OnChunkCompleted(int chunkIndex, int size, int failed, TimeSpan duration);

    /// <summary>The whole event finished.</summary>
    void OnBatchCompleted(BatchOutcome outcome, TimeSpan duration);
}
