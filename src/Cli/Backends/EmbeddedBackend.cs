using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Queueing;
using GymCoach.Workers.Storage;

namespace GymCoach.Cli.Backends;

/// <summary>Everything in this process: SQS-semantics queues on channels and the embedded store, saved to a file between commands.</summary>
/// <remarks>The queues live only as long as the process; the store is saved so that <c>gymcoach analytics</c> can read what a demo computed.</remarks>
internal sealed class EmbeddedBackend : IBackend
{
    /// <summary>Short, so that failed messages come back within seconds in a local run, yet above any invocation's duration.</summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Receives before SQS redrives a message to its dead-letter queue, as in the template.</summary>
    public const int MaxReceiveCount = 5;

    private readonly EmbeddedItemStore _store;
    private readonly string _snapshotPath;

    private EmbeddedBackend(EmbeddedItemStore store, string snapshotPath)
    {
        _store = store;
        _snapshotPath = snapshotPath;
        WritesDeadLetterQueue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "gymcoach-writes-dlq" });
        WritesQueue = new EmbeddedQueue(new EmbeddedQueueOptions
        {
            Name = "gymcoach-writes",
            VisibilityTimeout = VisibilityTimeout,
            MaxReceiveCount = MaxReceiveCount,
            DeadLetterQueue = (EmbeddedQueue)WritesDeadLetterQueue,
        });
        AnalyticsDeadLetterQueue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "gymcoach-analytics-dlq" });
        AnalyticsQueue = new EmbeddedQueue(new EmbeddedQueueOptions
        {
            Name = "gymcoach-analytics",
            VisibilityTimeout = VisibilityTimeout,
            MaxReceiveCount = MaxReceiveCount,
            DeadLetterQueue = (EmbeddedQueue)AnalyticsDeadLetterQueue,
        });
    }

    public string Name => BackendOptions.Embedded;

    public IMessageQueue WritesQueue { get; }

    public IMessageQueue WritesDeadLetterQueue { get; }

    public IMessageQueue AnalyticsQueue { get; }

    public IMessageQueue AnalyticsDeadLetterQueue { get; }

    public IItemStore Store => _store;

    public static async Task<EmbeddedBackend> OpenAsync(string stateDirectory, bool fresh, CancellationToken cancellationToken)
    {
        var snapshotPath = Path.Combine(stateDirectory, "embedded-store.json");
        var store = new EmbeddedItemStore();
        if (!fresh)
        {
            await StoreSnapshot.LoadAsync(store, snapshotPath, cancellationToken);
        }

        return new EmbeddedBackend(store, snapshotPath);
    }

    public Task SaveAsync(CancellationToken cancellationToken) => StoreSnapshot.SaveAsync(_store, _snapshotPath, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
