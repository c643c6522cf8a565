namespace GymCoach.Embedded.Queueing;

/// <summary>Decides which visible message a receive gets next: any order on a standard queue, group order on FIFO.</summary>
/// <remarks>Not thread-safe: the owning queue calls it under its lock. Methods returning bool report whether something became receivable.</remarks>
internal interface IDeliveryOrder
{
    /// <summary>Whether a receive could find a message now (may be stale-true, never stale-false).</summary>
    bool HasReceivable { get; }

    /// <summary>A message became visible for the first time (sent, or its delay passed).</summary>
    bool Add(QueuedMessage message);

    /// <summary>An in-flight message became visible again.</summary>
    bool Requeue(QueuedMessage message);

    /// <summary>A message left the queue (deleted or redriven).</summary>
    bool Remove(QueuedMessage message, bool wasInFlight);

    void BeginTake();

    /// <summary>The next message to deliver; the caller then either <see cref="MarkTaken"/>s or removes it.</summary>
    bool TryTakeNext(out QueuedMessage message);

    void MarkTaken(QueuedMessage message);

    void EndTake();
}
