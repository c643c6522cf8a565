using System.Text.Json;
using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Queueing.Journal;
using Microsoft.Data.Sqlite;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>Everything a state database holds, read in one snapshot: the live items and each queue's messages in send order.</summary>
/// <param name="Rows">Each message's row number (<c>seq</c>), by message id, for the journal's updates and deletes.</param>
internal sealed record StateContents(
    IReadOnlyList<StoredItem> Items, IReadOnlyDictionary<string, List<PersistedMessage>> MessagesByQueue, IReadOnlyDictionary<string, long> Rows)
{
    public static StateContents Empty { get; } = new([], new Dictionary<string, List<PersistedMessage>>(), new Dictionary<string, long>());

    public static StateContents Read(StateDatabase database, DateTimeOffset now) => database.Snapshot(db =>
    {
        var items = db.Query(
            "SELECT pk, sk, data, version, expires_at_ms FROM items WHERE expires_at_ms IS NULL OR expires_at_ms > $now",
            ReadItem,
            ("$now", now.ToUnixTimeMilliseconds()));
        var messages = db.Query(
            "SELECT queue, message_id, body, attributes, group_id, deduplication_id, sequence_number, sent_at_ms, visible_after_ms, receive_count, first_receive_ms, dead_letter_source_arn, seq FROM messages ORDER BY seq",
            row => (Queue: row.GetString(0), Message: ReadMessage(row), Row: row.GetInt64(12)));
        var byQueue = new Dictionary<string, List<PersistedMessage>>(StringComparer.Ordinal);
        var rows = new Dictionary<string, long>(messages.Count, StringComparer.Ordinal);
        foreach (var (queue, message, row) in messages)
        {
            rows[message.MessageId] = row;
            if (!byQueue.TryGetValue(queue, out var list))
            {
                byQueue.Add(queue, list = []);
            }

            list.Add(message);
        }

        return new StateContents(items, byQueue, rows);
    });

    public IReadOnlyList<PersistedMessage> MessagesOf(string queueName) =>
        MessagesByQueue.TryGetValue(queueName, out var messages) ? messages : [];

    private static StoredItem ReadItem(SqliteDataReader row) => new()
    {
        PartitionKey = row.GetString(0),
        SortKey = row.GetString(1),
        Data = row.GetString(2),
        Version = row.GetInt64(3),
        ExpiresAt = row.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(4)),
    };

    private static PersistedMessage ReadMessage(SqliteDataReader row) => new()
    {
        MessageId = row.GetString(1),
        Body = row.GetString(2),
        Attributes = row.IsDBNull(3) ? null : JsonSerializer.Deserialize(row.GetString(3), StateJsonContext.Default.IReadOnlyDictionaryStringString),
        GroupId = row.IsDBNull(4) ? null : row.GetString(4),
        DeduplicationId = row.IsDBNull(5) ? null : row.GetString(5),
        SequenceNumber = row.IsDBNull(6) ? null : row.GetString(6),
        SentAtMs = row.GetInt64(7),
        VisibleAfterMs = row.GetInt64(8),
        ReceiveCount = row.GetInt32(9),
        FirstReceiveMs = row.IsDBNull(10) ? null : row.GetInt64(10),
        DeadLetterSourceArn = row.IsDBNull(11) ? null : row.GetString(11),
    };
}
