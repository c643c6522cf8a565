namespace GymCoach.Embedded.Queueing.Journal;

/// <summary>Makes the changes of an <see cref="EmbeddedQueue"/> durable.</summary>
/// <remarks>
/// The queue calls it under its lock, before a send or delete is acknowledged and before a received message is handed
/// out, so what a caller was told has happened is committed. A call that throws fails the queue operation: a send adds
/// nothing, a delete removes nothing.
/// </remarks>
public interface IQueueJournal
{
    void Added(string queueName, IReadOnlyList<PersistedMessage> messages);

    /// <summary>A receive: new receive counts, and the messages it moved to <paramref name="deadLetterQueueName"/> instead of delivering.</summary>
    void Received(string queueName, IReadOnlyList<MessageReceipt> receipts, IReadOnlyList<string> redrivenIds, string? deadLetterQueueName, string sourceArn);

    /// <summary>Deleted, or dropped past the retention period.</summary>
    void Removed(string queueName, IReadOnlyList<string> messageIds);
}
