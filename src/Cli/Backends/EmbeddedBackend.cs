using GymCoach.Cli.Backends.Durable;
using GymCoach.Cli.Hosting;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Queueing;
using GymCoach.Embedded.Queueing.Journal;
using GymCoach.Embedded.Storage;
using GymCoach.Workers.Queueing;

namespace GymCoach.Cli.Backends;

/// <summary>Everything in this process: SQS-semantics queues and the embedded store, kept in the state folder's SQLite database.</summary>
/// <remarks>
/// A writer commits every change before it is acknowledged (a 202's message, a chunk's store writes, each delete), so a
/// <c>kill -9</c> loses nothing: on the next open, messages that were in flight are visible again with their receive
/// counts, and the idempotent handlers absorb their replay. Readers load a consistent snapshot beside the writer.
/// </remarks>
internal sealed class EmbeddedBackend : IBackend
{
    /// <summary>Receives before SQS redrives a message to its dead-letter queue, as in the template.</summary>
    public const int MaxReceiveCount = 5;

    /// <summary>How long a message may stay in a queue, SQS's default (4 days).</summary>
    public static readonly TimeSpan DefaultRetentionPeriod = TimeSpan.FromDays(4);

    private readonly EmbeddedQueue[] _queues;
    private readonly EmbeddedItemStore _store;
    private readonly StateDatabase? _database;
    private readonly WriterLock? _writerLock;
    private readonly StateSweeper? _sweeper;

    private EmbeddedBackend(StateContents contents, TimeSpan visibilityTimeout, TimeSpan retentionPeriod, StateDatabase? database, WriterLock? writerLock)
    {
        _database = database;
        _writerLock = writerLock;
        var writable = database is { IsReadOnly: false };
        IItemJournal itemJournal = writable ? new SqliteItemJournal(database!) : ReadOnlyJournal.Instance;
        IQueueJournal queueJournal = writable ? new SqliteQueueJournal(database!, contents.Rows) : ReadOnlyJournal.Instance;
        _store = new EmbeddedItemStore(journal: itemJournal);
        _store.Restore(contents.Items);

        var writesDeadLetters = Queue(new EmbeddedQueueOptions { Name = QueueDefinitions.Writes.DeadLetterName! });
        var analyticsDeadLetters = Queue(new EmbeddedQueueOptions { Name = QueueDefinitions.Analytics.DeadLetterName! });
        _queues =
        [
            Queue(new EmbeddedQueueOptions { Name = QueueDefinitions.Writes.Name, VisibilityTimeout = visibilityTimeout, MaxReceiveCount = MaxReceiveCount, DeadLetterQueue = writesDeadLetters }),
            writesDeadLetters,
            Queue(new EmbeddedQueueOptions { Name = QueueDefinitions.Analytics.Name, VisibilityTimeout = visibilityTimeout, MaxReceiveCount = MaxReceiveCount, DeadLetterQueue = analyticsDeadLetters }),
            analyticsDeadLetters,
        ];
        if (writable)
        {
            _sweeper = new StateSweeper(database!, _store, _queues, retentionPeriod);
        }

        EmbeddedQueue Queue(EmbeddedQueueOptions options)
        {
            var queue = new EmbeddedQueue(options, journal: queueJournal);
            queue.Restore(contents.MessagesOf(options.Name));
            return queue;
        }
    }

    public string Name => BackendOptions.Embedded;

    public IMessageQueue WritesQueue => _queues[0];

    public IMessageQueue WritesDeadLetterQueue => _queues[1];

    public IMessageQueue AnalyticsQueue => _queues[2];

    public IMessageQueue AnalyticsDeadLetterQueue => _queues[3];

    public IItemStore Store => _store;

    /// <summary>Drops expired records and messages now, as the writer does every minute.</summary>
    public (int Items, int Messages) Sweep() => _sweeper?.Sweep() ?? throw new InvalidOperationException("the state was opened read-only");

    /// <summary>Opens the state folder with the queues' default visibility timeout.</summary>
    public static Task<EmbeddedBackend> OpenAsync(string stateDirectory, StateAccess access, string command, CancellationToken cancellationToken) =>
        OpenAsync(stateDirectory, access, command, PipelineSettings.DefaultVisibilityTimeout, DefaultRetentionPeriod, cancellationToken);

    /// <param name="command">The command opening it, named to a second writer that finds the folder locked.</param>
    /// <param name="visibilityTimeout">Of both worker queues: at least the workers' function timeout, or their runners refuse them.</param>
    /// <exception cref="StateFolderLockedException">Opening to write, and another process writes to the folder.</exception>
    public static async Task<EmbeddedBackend> OpenAsync(
        string stateDirectory, StateAccess access, string command, TimeSpan visibilityTimeout, TimeSpan retentionPeriod, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (access == StateAccess.ReadOnly)
        {
            var reader = StateDatabase.OpenReadOnly(stateDirectory);
            var contents = reader is null ? StateContents.Empty : StateContents.Read(reader, DateTimeOffset.UtcNow);
            reader?.Dispose();
            return new EmbeddedBackend(contents, visibilityTimeout, retentionPeriod, database: null, writerLock: null);
        }

        var writerLock = WriterLock.Acquire(stateDirectory, command);
        StateDatabase? database = null;
        try
        {
            database = StateDatabase.OpenForWriting(stateDirectory);
            var backend = new EmbeddedBackend(StateContents.Read(database, DateTimeOffset.UtcNow), visibilityTimeout, retentionPeriod, database, writerLock);
            await LegacyStateImport.ImportAsync(stateDirectory, backend, cancellationToken);
            return backend;
        }
        catch
        {
            database?.Dispose();
            writerLock.Dispose();
            throw;
        }
    }

    /// <summary>The state database's size on disk (with its write-ahead log), or 0 when there is none yet.</summary>
    public static long SizeOnDisk(string stateDirectory) =>
        new[] { StateDatabase.FileName, StateDatabase.FileName + "-wal" }
            .Select(name => new FileInfo(Path.Combine(stateDirectory, name)))
            .Where(file => file.Exists)
            .Sum(file => file.Length);

    public async ValueTask DisposeAsync()
    {
        if (_sweeper is not null)
        {
            await _sweeper.DisposeAsync();
        }

        _database?.Dispose();
        _writerLock?.Dispose();
    }
}
