using GymCoach.Cli.Backends;
using GymCoach.Cli.Backends.Durable;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;

namespace GymCoach.Cli.Tests.Backends;

/// <summary>The embedded backend's state folder on a real SQLite database: what one command commits, the next one finds.</summary>
public sealed class EmbeddedStateTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-state-").FullName;

    [Fact]
    public async Task WhatAWriterCommitted_IsThereWhenTheFolderIsOpenedAgain_WithTheSameMessageIds()
    {
        string deadLetterId;
        await using (var writer = await OpenAsync(StateAccess.Write))
        {
            await writer.Store.WriteAsync([new ItemWrite(new StoredItem { PartitionKey = "USER#u1", SortKey = "PROFILE", Data = "{}", Version = 3 })], None);
            deadLetterId = (await writer.WritesDeadLetterQueue.SendBatchAsync([new OutgoingMessage { Body = "{\"poison\":1}", Attributes = new Dictionary<string, string> { ["failureReason"] = "conflict" } }], None))[0].MessageId!;
            await writer.WritesQueue.SendBatchAsync([new OutgoingMessage { Body = "{\"in\":\"flight\"}" }], None);
            Assert.Single(await writer.WritesQueue.ReceiveAsync(10, TimeSpan.Zero, None));
        }

        await using var reopened = await OpenAsync(StateAccess.Write);

        Assert.Equal(3, (await reopened.Store.GetAsync("USER#u1", "PROFILE", None))!.Version);
        var deadLetter = Assert.Single(await reopened.WritesDeadLetterQueue.ReceiveAsync(10, TimeSpan.Zero, None));
        Assert.Equal(deadLetterId, deadLetter.MessageId);
        Assert.Equal("conflict", deadLetter.GetStringAttribute("failureReason"));
        var redelivered = Assert.Single(await reopened.WritesQueue.ReceiveAsync(10, TimeSpan.Zero, None));
        Assert.Equal(2, redelivered.ApproximateReceiveCount);
    }

    [Fact]
    public async Task AReader_SeesWhatTheWriterCommitted_WhileTheWriterRuns_AndCannotChangeIt()
    {
        await using var writer = await OpenAsync(StateAccess.Write);
        await writer.AnalyticsQueue.SendBatchAsync([new OutgoingMessage { Body = "{\"recompute\":1}" }], None);

        await using var reader = await OpenAsync(StateAccess.ReadOnly);

        Assert.Equal(1, (await reader.AnalyticsQueue.GetCountsAsync(None)).Total);
        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.AnalyticsQueue.SendBatchAsync([new OutgoingMessage { Body = "{}" }], None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.Store.WriteAsync([new ItemWrite(new StoredItem { PartitionKey = "p", SortKey = "s", Data = "{}" })], None));
    }

    [Fact]
    public async Task ASecondWriter_IsRefused_NamingTheHolder()
    {
        await using var writer = await OpenAsync(StateAccess.Write);

        var refusal = await Assert.ThrowsAsync<StateFolderLockedException>(() => OpenAsync(StateAccess.Write));

        Assert.Contains($"pid {Environment.ProcessId}, gymcoach test", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLock_IsReleasedWhenTheWriterCloses()
    {
        await (await OpenAsync(StateAccess.Write)).DisposeAsync();

        await using var next = await OpenAsync(StateAccess.Write);

        Assert.NotNull(next);
    }

    [Fact]
    public async Task ASweep_DropsExpiredItemsAndOldMessages_OnDiskToo()
    {
        await using (var writer = await OpenAsync(StateAccess.Write, retention: TimeSpan.FromMilliseconds(1)))
        {
            await writer.Store.WriteAsync(
                [
                    new ItemWrite(new StoredItem { PartitionKey = "IDEMPOTENCY#k1", SortKey = "RECORD", Data = "{}", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }),
                    new ItemWrite(new StoredItem { PartitionKey = "USER#u1", SortKey = "PROFILE", Data = "{}" }),
                ],
                None);
            await writer.WritesQueue.SendBatchAsync([new OutgoingMessage { Body = "{\"old\":1}" }], None);
            await Task.Delay(20);

            var (items, messages) = writer.Sweep();

            Assert.Equal((1, 1), (items, messages));
        }

        using var database = StateDatabase.OpenReadOnly(_state)!;
        Assert.Equal(["USER#u1"], database.Snapshot(db => db.Query("SELECT pk FROM items", row => row.GetString(0))));
        Assert.Empty(database.Snapshot(db => db.Query("SELECT message_id FROM messages", row => row.GetString(0))));
    }

    [Fact]
    public async Task TheJsonFilesOfEarlierVersions_AreImportedOnce()
    {
        await File.WriteAllTextAsync(Path.Combine(_state, "embedded-store.json"), """[{"PartitionKey":"USER#u1","SortKey":"PROFILE","Data":"{}","Version":2}]""");
        await File.WriteAllTextAsync(Path.Combine(_state, "embedded-queues.json"), """{"gymcoach-writes":[{"Body":"{\"waiting\":1}"}]}""");

        await (await OpenAsync(StateAccess.Write)).DisposeAsync();
        await using var reopened = await OpenAsync(StateAccess.Write);

        Assert.Equal(2, (await reopened.Store.GetAsync("USER#u1", "PROFILE", None))!.Version);
        Assert.Equal("{\"waiting\":1}", Assert.Single(await reopened.WritesQueue.ReceiveAsync(10, TimeSpan.Zero, None)).Body);
        Assert.True(File.Exists(Path.Combine(_state, "embedded-store.json.imported")));
        Assert.False(File.Exists(Path.Combine(_state, "embedded-queues.json")));
    }

    [Fact]
    public async Task AStateFolderOfSchemaOne_IsMigrated_KeepingItsMessages()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_state, StateDatabase.FileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE messages (message_id TEXT PRIMARY KEY, queue TEXT NOT NULL, body TEXT NOT NULL, attributes TEXT,
                    group_id TEXT, deduplication_id TEXT, sequence_number TEXT, sent_at_ms INTEGER NOT NULL,
                    visible_after_ms INTEGER NOT NULL, receive_count INTEGER NOT NULL, first_receive_ms INTEGER, dead_letter_source_arn TEXT);
                INSERT INTO messages VALUES ('m-1', 'gymcoach-writes', '{"kept":1}', NULL, NULL, NULL, NULL, 0, 0, 2, 0, NULL);
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }

        await using var backend = await OpenAsync(StateAccess.Write);

        var message = Assert.Single(await backend.WritesQueue.ReceiveAsync(10, TimeSpan.Zero, None));
        Assert.Equal(("m-1", 3), (message.MessageId, message.ApproximateReceiveCount));
        Assert.Empty(await backend.WritesQueue.DeleteBatchAsync([message.ReceiptHandle!], None));
    }

    [Fact]
    public async Task AStateFolderOfSchemaTwo_LosesTheIndexColumns_KeepingItsItems()
    {
        var path = Path.Combine(_state, StateDatabase.FileName);
        Execute(path, """
            CREATE TABLE items (pk TEXT NOT NULL, sk TEXT NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL,
                expires_at_ms INTEGER, index_pk TEXT, index_sk TEXT, PRIMARY KEY (pk, sk)) WITHOUT ROWID;
            INSERT INTO items VALUES ('USER#u1', 'PROFILE', '{"kept":1}', 4, NULL, NULL, NULL);
            PRAGMA user_version = 2;
            """);

        await using (var backend = await OpenAsync(StateAccess.Write))
        {
            Assert.Equal(("{\"kept\":1}", 4L), (await backend.Store.GetAsync("USER#u1", "PROFILE", None)) is { } item ? (item.Data, item.Version) : default);
        }

        Assert.Equal("pk,sk,data,version,expires_at_ms", Execute(path, "SELECT group_concat(name) FROM pragma_table_info('items')"));
        Assert.Equal("3", Execute(path, "PRAGMA user_version"));
    }

    private static string? Execute(string path, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private Task<EmbeddedBackend> OpenAsync(StateAccess access, TimeSpan? retention = null) =>
        EmbeddedBackend.OpenAsync(_state, access, "gymcoach test", TimeSpan.FromSeconds(31), retention ?? EmbeddedBackend.DefaultRetentionPeriod, None);
}
