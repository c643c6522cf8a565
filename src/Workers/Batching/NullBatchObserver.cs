using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Batching;

/// <summary>The observer that observes nothing: the default of the <see cref="BatchProcessor"/>.</summary>
public sealed class NullBatchObserver : IBatchObserver
{
    public static readonly NullBatchObserver Instance = new();

    private NullBatchObserver()
    {
    }

    public void OnMessageFailed(SqsMessage message, Exception exception, bool poison)
    {
    }

    public void OnChunkCompleted(int chunkIndex, int size, int failed, TimeSpan duration)
    {
    }

    public void OnBatchCompleted(BatchOutcome outcome, TimeSpan duration)
    {
    }
}
