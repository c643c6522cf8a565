using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Batching;

/// <summary>Hands the processor's events to several observers (for example the outcome log and the metrics).</summary>
public sealed class CompositeBatchObserver(params IBatchObserver[] observers) : IBatchObserver
{
    public void OnMessageFailed(SqsMessage message, Exception exception, bool poison)
    {
        foreach (var observer in observers)
        {
            observer.OnMessageFailed(message, exception, poison);
        }
    }

    public void OnChunkCompleted(int chunkIndex, int size, int failed, TimeSpan duration)
    {
        foreach (var observer in observers)
        {
            observer.OnChunkCompleted(chunkIndex, size, failed, duration);
        }
    }

    public void OnBatchCompleted(BatchOutcome outcome, TimeSpan duration)
    {
        foreach (var observer in observers)
        {
            observer.OnBatchCompleted(outcome, duration);
        }
    }
}
