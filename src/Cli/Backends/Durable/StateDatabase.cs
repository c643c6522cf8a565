using Microsoft.Data.Sqlite;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>The embedded backend's state folder as one SQLite database in WAL mode: the store's items and the queues' messages.</summary>
/// <remarks>
/// <para>
/// One connection writes, behind a lock, one transaction per store request or queue operation (a batch of up to 100
/// items, 10 messages), so commits are per batch and per chunk, never per message. WAL lets read-only commands read a
/// consistent snapshot while <c>run</c> writes.
/// </para>
/// <para>
/// <c>synchronous=NORMAL</c>: a commit is in the operating system's hands when it returns, so it survives the process
/// being killed (<c>kill -9</c>, the OOM killer, a crash), which is what "accepted" promises; a power cut or kernel
/// panic may lose the last commits before a checkpoint. <c>FULL</c> would add an fsync to every commit.
/// </para>
/// </remarks>
internal sealed class StateDatabase : IDisposable
{
    public const string FileName = "gymcoach.db";

    private const int SchemaVersion = 3;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS items (
            pk TEXT NOT NULL, sk TEXT NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL,
            expires_at_ms INTEGER,
            PRIMARY KEY (pk, sk)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS items_by_expiry ON items (expires_at_ms) WHERE expires_at_ms IS NOT NULL;
        CREATE TABLE IF NOT EXISTS messages (
            seq INTEGER PRIMARY KEY, message_id TEXT NOT NULL, queue TEXT NOT NULL, body TEXT NOT NULL, attributes TEXT,
            group_id TEXT, deduplication_id TEXT, sequence_number TEXT, sent_at_ms INTEGER NOT NULL,
            visible_after_ms INTEGER NOT NULL, receive_count INTEGER NOT NULL, first_receive_ms INTEGER,
            dead_letter_source_arn TEXT);
        """;

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private readonly GroupCommit _groupCommit;
    private SqliteTransaction? _current;
    private WalCheckpointer? _checkpointer;

    private StateDatabase(SqliteConnection connection)
    {
        _connection = connection;
        _groupCommit = new GroupCommit(CommitGroup);
    }

    public bool IsReadOnly { get; private init; }

    /// <summary>Opens (creating when missing) the database of <paramref name="stateDirectory"/> for the one writer that holds its <see cref="WriterLock"/>.</summary>
    public static StateDatabase OpenForWriting(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, FileName);
        var connection = Open(path, SqliteOpenMode.ReadWriteCreate);
        // A page cache and memory map large enough for a long run's state, so upserts seldom read from the file.
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456; "
            + $"PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit={WalCheckpointer.LogSizeLimit};");
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            connection.Dispose();
            throw new Commands.CommandFailedException($"the state at {path} was written by a newer gymcoach (schema {version}); use that version");
        }

        if (version == 1)
        {
            // Schema 1 keyed messages by their id: a second, randomly written B-tree on every send, receive and delete.
            Execute(connection, "BEGIN; ALTER TABLE messages RENAME TO messages_v1;" + Schema
                + "INSERT INTO messages SELECT rowid, * FROM messages_v1; DROP TABLE messages_v1; COMMIT;");
        }

        if (HasColumn(connection, "items", "index_pk"))
        {
            // Schemas 1 and 2 kept the keys of a secondary index nothing queried; the table no longer has one.
            Execute(connection, "BEGIN; ALTER TABLE items DROP COLUMN index_pk; ALTER TABLE items DROP COLUMN index_sk; COMMIT;");
        }

        Execute(connection, Schema + $"PRAGMA user_version = {SchemaVersion};");
        return new StateDatabase(connection) { _checkpointer = new WalCheckpointer(path) };
    }

    /// <summary>Opens the database for reading beside a writer; null when the folder holds none yet.</summary>
    public static StateDatabase? OpenReadOnly(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, FileName);
        return File.Exists(path) ? new StateDatabase(Open(path, SqliteOpenMode.ReadOnly)) { IsReadOnly = true } : null;
    }

    /// <summary>Runs <paramref name="work"/> atomically, committed when this returns (with other callers' writes: see <see cref="GroupCommit"/>); undone when it throws.</summary>
    public void Write(Action<StateDatabase> work) => _groupCommit.Write(work);

    /// <summary>Runs <paramref name="read"/> on one consistent snapshot, whatever a writer commits meanwhile.</summary>
    public T Snapshot<T>(Func<StateDatabase, T> read)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            _current = transaction;
            try
            {
                return read(this);
            }
            finally
            {
                _current = null;
            }
        }
    }

    /// <summary>Inside <see cref="Write"/>: runs a prepared statement (prepared once per text) with the given parameters.</summary>
    public void Run(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = _connection.CreateCommand();
            statement.CommandText = sql;
            _statements.Add(sql, statement);
        }

        statement.Transaction = _current ?? throw new InvalidOperationException("Run is for inside Write.");

        statement.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            statement.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        statement.ExecuteNonQuery();
    }

    /// <summary>Inside <see cref="Snapshot"/> or <see cref="Write"/>: the rows of a query.</summary>
    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _current ?? throw new InvalidOperationException("Query is for inside Snapshot or Write.");
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    // The group's writes in one transaction, each in a savepoint so that one that throws fails alone.
    private void CommitGroup(IReadOnlyList<PendingWrite> group)
    {
        lock (_gate)
        {
            var failures = new Exception?[group.Count];
            try
            {
                using var transaction = _connection.BeginTransaction();
                _current = transaction;
                for (var i = 0; i < group.Count; i++)
                {
                    transaction.Save("write");
                    try
                    {
                        group[i].Work(this);
                        transaction.Release("write");
                    }
                    catch (Exception ex)
                    {
                        transaction.Rollback("write");
                        transaction.Release("write");
                        failures[i] = ex;
                    }
                }

                transaction.Commit();
            }
            catch (Exception ex)
            {
                Array.Fill(failures, ex);
            }
            finally
            {
                _current = null;
            }

            for (var i = 0; i < group.Count; i++)
            {
                group[i].Complete(failures[i]);
            }
        }
    }

    public void Dispose()
    {
        _checkpointer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        lock (_gate)
        {
            foreach (var statement in _statements.Values)
            {
                statement.Dispose();
            }

            if (!IsReadOnly)
            {
                // Leaves the database file whole and the log empty for the next command.
                TryExecute(_connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            }

            _connection.Dispose();
        }
    }

    private static void TryExecute(SqliteConnection connection, string sql)
    {
        try
        {
            Execute(connection, sql);
        }
        catch (SqliteException)
        {
            // A reader holds the log: the next writer's checkpoints copy it.
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 10000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static bool HasColumn(SqliteConnection connection, string table, string column) =>
        Convert.ToInt64(Scalar(connection, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'"), System.Globalization.CultureInfo.InvariantCulture) > 0;

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
