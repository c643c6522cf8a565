using System.Text.Json;
using GymCoach.Workers.Queueing.Journal;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>Commits the embedded queues' changes to the state database, one transaction per send, receive or delete batch.</summary>
internal sealed class SqliteQueueJournal(StateDatabase database) : IQueueJournal
{
    private const string Insert = """
        INSERT INTO messages (message_id, queue, body, attributes, group_id, deduplication_id, sequence_number,
            sent_at_ms, visible_after_ms, receive_count, first_receive_ms, dead_letter_source_arn)
        VALUES ($id, $queue, $body, $attributes, $group, $dedup, $sequence, $sent, $visibleAfter, $receives, $firstReceive, $source)
        """;

    private const string Receive = "UPDATE messages SET receive_count = $receives, first_receive_ms = $firstReceive WHERE message_id = $id";

    private const string Redrive = "UPDATE messages SET queue = $queue, dead_letter_source_arn = $source WHERE message_id = $id";

    private const string Delete = "DELETE FROM messages WHERE message_id = $id";

    public void Added(string queueName, IReadOnlyList<PersistedMessage> messages) => database.Write(db =>
    {
        foreach (var message in messages)
        {
            db.Run(
                Insert,
                ("$id", message.MessageId),
                ("$queue", queueName),
                ("$body", message.Body),
                ("$attributes", message.Attributes is null ? null : JsonSerializer.Serialize(message.Attributes, StateJsonContext.Default.IReadOnlyDictionaryStringString)),
                ("$group", message.GroupId),
                ("$dedup", message.DeduplicationId),
                ("$sequence", message.SequenceNumber),
                ("$sent", message.SentAtMs),
                ("$visibleAfter", message.VisibleAfterMs),
                ("$receives", message.ReceiveCount),
                ("$firstReceive", message.FirstReceiveMs),
                ("$source", message.DeadLetterSourceArn));
        }
    });

    public void Received(string queueName, IReadOnlyList<MessageReceipt> receipts, IReadOnlyList<string> redrivenIds, string? deadLetterQueueName, string sourceArn) =>
        database.Write(db =>
        {
            foreach (var receipt in receipts)
            {
                db.Run(Receive, ("$receives", receipt.ReceiveCount), ("$firstReceive", receipt.FirstReceiveMs), ("$id", receipt.MessageId));
            }

            foreach (var id in redrivenIds)
            {
                db.Run(Redrive, ("$queue", deadLetterQueueName), ("$source", sourceArn), ("$id", id));
            }
        });

    public void Removed(string queueName, IReadOnlyList<string> messageIds) => database.Write(db =>
    {
        foreach (var id in messageIds)
        {
            db.Run(Delete, ("$id", id));
        }
    });
}
