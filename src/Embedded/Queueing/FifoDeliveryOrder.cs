namespace GymCoach.Embedded.Queueing;

/// <summary>FIFO queue: messages in send order per group, and nothing more from a group while one of its messages is in flight.</summary>
/// <remarks>
/// Groups that can deliver wait in a ready queue, so a receive never scans blocked groups. One receive may take
/// several consecutive messages of a group, as SQS does; the group is then blocked until all of them are deleted
/// or visible again, and a message that becomes visible again is still ahead of its group's later messages.
/// </remarks>
internal sealed class FifoDeliveryOrder : IDeliveryOrder
{
    private readonly Dictionary<string, MessageGroup> _groups = new(StringComparer.Ordinal);
    private readonly Queue<MessageGroup> _ready = new();
    private MessageGroup? _takingFrom;
    private LinkedListNode<QueuedMessage>? _next;

    public bool HasReceivable => _ready.Count > 0;

    public bool Add(QueuedMessage message)
    {
        var groupId = message.Content.GroupId!;
        if (!_groups.TryGetValue(groupId, out var group))
        {
            group = new MessageGroup(groupId);
            _groups.Add(groupId, group);
        }

        message.Group = group;
        message.GroupNode = group.Messages.AddLast(message);
        return QueueIfReady(group);
    }

    public bool Requeue(QueuedMessage message)
    {
        var group = message.Group!;
        group.InFlight--;
        return QueueIfReady(group);
    }

    public bool Remove(QueuedMessage message, bool wasInFlight)
    {
        var group = message.Group;
        if (group is null || message.GroupNode is null)
        {
            return false;
        }

        if (wasInFlight)
        {
            group.InFlight--;
        }

        group.Messages.Remove(message.GroupNode);
        message.GroupNode = null;
        if (group.Messages.Count == 0)
        {
            // Stale ready-queue entries of a dropped group are skipped because it has no messages.
            _groups.Remove(group.Id);
            return false;
        }

        return QueueIfReady(group);
    }

    public void BeginTake()
    {
        _takingFrom = null;
        _next = null;
    }

    public bool TryTakeNext(out QueuedMessage message)
    {
        while (_next is null)
        {
            if (!_ready.TryDequeue(out var group))
            {
                message = null!;
                return false;
            }

            group.IsQueued = false;
            if (group.CanDeliver)
            {
                _takingFrom = group;
                _next = group.Messages.First;
            }
        }

        message = _next.Value;
        _next = _next.Next;
        return true;
    }

    public void MarkTaken(QueuedMessage message) => message.Group!.InFlight++;

    public void EndTake()
    {
        // A group whose every taken message was redriven is still deliverable.
        if (_takingFrom is not null)
        {
            QueueIfReady(_takingFrom);
        }

        _takingFrom = null;
        _next = null;
    }

    private bool QueueIfReady(MessageGroup group)
    {
        if (group.IsQueued || !group.CanDeliver)
        {
            return false;
        }

        group.IsQueued = true;
        _ready.Enqueue(group);
        return true;
    }
}
