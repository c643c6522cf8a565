namespace GymCoach.Embedded.Queueing;

/// <summary>The messages of one FIFO message group, in send order, including those in flight.</summary>
internal sealed class MessageGroup(string id)
{
    public string Id { get; } = id;

    public LinkedList<QueuedMessage> Messages { get; } = new();

    /// <summary>Messages of the group currently received; while any is, the group delivers nothing else.</summary>
    public int InFlight { get; set; }

    /// <summary>Whether the group sits in the ready queue (possibly stale: readiness is re-checked on dequeue).</summary>
    public bool IsQueued { get; set; }

    public bool CanDeliver => InFlight == 0 && Messages.Count > 0;
}
