using System.Collections.Concurrent;
using System.Text.Json;
using GymCoach.Embedded.Queueing.Journal;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>Commits the embedded queues' changes to the state database, one transaction per send, receive or delete batch.</summary>
/// <remarks>
/// Rows are found by their row number (<c>seq</c>, handed out here in send order), not by message id: a message id is
/// random, so an index on it would cost a randomly placed page write on every send, receive and delete, while row
/// numbers keep a queue's writes on the few pages at its head and tail.
/// </remarks>
internal sealed class SqliteQueueJournal : IQueueJournal
{
    private const string Insert = """
        INSERT INTO messages (seq, message_id, queue, body, attributes, group_id, deduplication_id, sequence_number,
            sent_at_ms, visible_after_ms, receive_count, first_receive_ms, dead_letter_source_arn)
        VALUES ($seq, $id, $queue, $body, $attributes, $group, $dedup, $sequence, $sent, $visibleAfter, $receives, $firstReceive, $source)
        """;

    private const string Receive = "UPDATE messages SET receive_count = $receives, first_receive_ms = $firstReceive WHERE seq = $seq";

    private const string Redrive = "UPDATE messages SET queue = $queue, dead_letter_source_arn = $source WHERE seq = $seq";

    private const string Delete = "DELETE FROM messages WHERE seq = $seq";

    private readonly StateDatabase _database;
    private readonly ConcurrentDictionary<string, long> _rows;
    private long _lastRow;

    /// <param name="rows">The row number of every message the database holds, by message id.</param>
    public SqliteQueueJournal(StateDatabase database, IReadOnlyDictionary<string, long> rows)
    {
        _database = database;
        _rows = new ConcurrentDictionary<string, long>(rows, StringComparer.Ordinal);
        _lastRow = rows.Count == 0 ? 0 : rows.Values.Max();
    }

    public void Added(string queueName, IReadOnlyList<PersistedMessage> messages)
    {
        var rows = new long[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            rows[i] = Interlocked.Increment(ref _lastRow);
        }

        _database.Write(db =>
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var message = messages[i];
                db.Run(
                    Insert,
                    ("$seq", rows[i]),
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

        // Known only once committed: nothing can receive or delete a message before its send returns.
        for (var i = 0; i < messages.Count; i++)
        {
            _rows[messages[i].MessageId] = rows[i];
        }
    }

    public void Received(string queueName, IReadOnlyList<MessageReceipt> receipts, IReadOnlyList<string> redrivenIds, string? deadLetterQueueName, string sourceArn) =>
        _database.Write(db =>
        {
            foreach (var receipt in receipts)
            {
                db.Run(Receive, ("$receives", receipt.ReceiveCount), ("$firstReceive", receipt.FirstReceiveMs), ("$seq", RowOf(receipt.MessageId)));
            }

            foreach (var id in redrivenIds)
            {
                db.Run(Redrive, ("$queue", deadLetterQueueName), ("$source", sourceArn), ("$seq", RowOf(id)));
            }
        });

    public void Removed(string queueName, IReadOnlyList<string> messageIds)
    {
        _database.Write(db =>
        {
            foreach (var id in messageIds)
            {
                db.Run(Delete, ("$seq", RowOf(id)));
            }
        });

        foreach (var id in messageIds)
        {
            _rows.TryRemove(id, out _);
        }
    }

    // A message deleted twice at once (the same handle in two calls) has no row the second time: nothing to change.
    private long RowOf(string messageId) => _rows.TryGetValue(messageId, out var row) ? row : 0;
}
