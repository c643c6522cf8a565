using GymCoach.Cli.Hosting;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Queueing;
using GymCoach.Workers.Storage;

namespace GymCoach.Cli.Backends;

/// <summary>Everything in this process: SQS-semantics queues on channels and the embedded store, saved to the state folder between commands.</summary>
/// <remarks>
/// Saving keeps the store and the messages still in the queues (content, not receive counts), so that
/// <c>gymcoach analytics</c> reads what a demo computed, <c>gymcoach dlq</c> inspects and redrives what it dead-lettered,
/// and the next <c>gymcoach run</c> processes what was redriven.
/// </remarks>
internal sealed class EmbeddedBackend : IBackend
{
    /// <summary>Receives before SQS redrives a message to its dead-letter queue, as in the template.</summary>
    public const int MaxReceiveCount = 5;

    private readonly EmbeddedItemStore _store;
    private readonly string _stateDirectory;

    private EmbeddedBackend(EmbeddedItemStore store, string stateDirectory, TimeSpan visibilityTimeout)
    {
        _store = store;
        _stateDirectory = stateDirectory;
        WritesDeadLetterQueue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "gymcoach-writes-dlq" });
        WritesQueue = new EmbeddedQueue(new EmbeddedQueueOptions
        {
            Name = "gymcoach-writes",
            VisibilityTimeout = visibilityTimeout,
            MaxReceiveCount = MaxReceiveCount,
            DeadLetterQueue = (EmbeddedQueue)WritesDeadLetterQueue,
        });
        AnalyticsDeadLetterQueue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "gymcoach-analytics-dlq" });
        AnalyticsQueue = new EmbeddedQueue(new EmbeddedQueueOptions
        {
            Name = "gymcoach-analytics",
            VisibilityTimeout = visibilityTimeout,
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

    private string StorePath => Path.Combine(_stateDirectory, "embedded-store.json");

    private string QueuesPath => Path.Combine(_stateDirectory, "embedded-queues.json");

    private IMessageQueue[] Queues => [WritesQueue, WritesDeadLetterQueue, AnalyticsQueue, AnalyticsDeadLetterQueue];

    /// <summary>Opens the backend with the queues' default visibility timeout (<see cref="PipelineSettings.DefaultVisibilityTimeout"/>).</summary>
    public static Task<EmbeddedBackend> OpenAsync(string stateDirectory, bool fresh, CancellationToken cancellationToken) =>
        OpenAsync(stateDirectory, fresh, PipelineSettings.DefaultVisibilityTimeout, cancellationToken);

    /// <param name="visibilityTimeout">Of both worker queues: at least the workers' function timeout, or their runners refuse them.</param>
    public static async Task<EmbeddedBackend> OpenAsync(string stateDirectory, bool fresh, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var backend = new EmbeddedBackend(new EmbeddedItemStore(), stateDirectory, visibilityTimeout);
        if (fresh)
        {
            return backend;
        }

        backend._store.Restore(await StateFile.LoadAsync(backend.StorePath, SnapshotJsonContext.Default.IReadOnlyListStoredItem, cancellationToken) ?? []);
        var saved = await StateFile.LoadAsync(backend.QueuesPath, SnapshotJsonContext.Default.DictionaryStringIReadOnlyListOutgoingMessage, cancellationToken);
        foreach (var queue in backend.Queues)
        {
            if (saved is not null && saved.TryGetValue(queue.Name, out var messages) && messages.Count > 0)
            {
                await queue.SendAllAsync(messages, cancellationToken);
            }
        }

        return backend;
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await StateFile.SaveAsync(StorePath, _store.Snapshot(), SnapshotJsonContext.Default.IReadOnlyListStoredItem, cancellationToken);
        var queues = Queues.ToDictionary(q => q.Name, q => ((EmbeddedQueue)q).Snapshot(), StringComparer.Ordinal);
        await StateFile.SaveAsync(QueuesPath, queues, SnapshotJsonContext.Default.DictionaryStringIReadOnlyListOutgoingMessage, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
