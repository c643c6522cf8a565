namespace GymCoach.Contracts.Queueing;

/// <summary>The batch limit every queue and sender shares; batched sends go through <c>RetryingBatchSend</c> (GymCoach.Workers).</summary>
public static class MessageBatch
{
    /// <summary>The largest batch SendMessageBatch, DeleteMessageBatch and ReceiveMessage accept.</summary>
    public const int MaxEntries = 10;
}
