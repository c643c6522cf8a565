namespace GymCoach.Embedded.Queueing;

/// <summary>Standard queue: visible messages in the order they became visible.</summary>
/// <remarks>A message deleted while visible stays queued and is skipped when dequeued (its state is no longer visible).</remarks>
internal sealed class StandardDeliveryOrder : IDeliveryOrder
{
    private readonly Queue<QueuedMessage> _visible = new();

    public bool HasReceivable => _visible.Count > 0;

    public bool Add(QueuedMessage message)
    {
        _visible.Enqueue(message);
        return true;
    }

    public bool Requeue(QueuedMessage message) => Add(message);

    public bool Remove(QueuedMessage message, bool wasInFlight) => false;

    public void BeginTake()
    {
    }

    public bool TryTakeNext(out QueuedMessage message)
    {
        while (_visible.TryDequeue(out message!))
        {
            if (message.State == MessageState.Visible)
            {
                return true;
            }
        }

        return false;
    }

    public void MarkTaken(QueuedMessage message)
    {
    }

    public void EndTake()
    {
    }
}
