using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Queueing;
using GymCoach.Embedded.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Handlers;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.Storage;

namespace GymCoach.Workers.Tests.Handlers;

/// <summary>Both workers over the embedded store and queues, invoked with hand-made SQS events as Lambda would invoke them.</summary>
internal sealed class WorkerHarness
{
    public const string WritesArn = "arn:aws:sqs:us-east-1:000000000000:gymcoach-writes";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private int _messageNumber;

    public WorkerHarness(IMessageQueue? analyticsQueue = null, IItemStore? store = null, MetricsRecorder? metrics = null)
    {
        Store = store ?? new EmbeddedItemStore();
        AnalyticsQueue = analyticsQueue ?? new EmbeddedQueue(new EmbeddedQueueOptions { Name = "gymcoach-analytics" });
        Writes = new WritesHandler(Store, AnalyticsQueue, TimeProvider.System);
        Analytics = new AnalyticsHandler(Store, TimeProvider.System, Cache, metrics);
        AnalyticsElsewhere = new AnalyticsHandler(Store, TimeProvider.System);
        WritesProcessor = new BatchProcessor(new BatchProcessorOptions(), WritesDeadLetters);
        AnalyticsProcessor = new BatchProcessor(new BatchProcessorOptions(), AnalyticsDeadLetters);
    }

    public IItemStore Store { get; }

    public IMessageQueue AnalyticsQueue { get; }

    public EmbeddedQueue WritesDeadLetters { get; } = new(new EmbeddedQueueOptions { Name = "gymcoach-writes-dlq" });

    public EmbeddedQueue AnalyticsDeadLetters { get; } = new(new EmbeddedQueueOptions { Name = "gymcoach-analytics-dlq" });

    public AnalyticsCache Cache { get; } = new(new CacheOptions());

    public WritesHandler Writes { get; }

    public AnalyticsHandler Analytics { get; }

    /// <summary>The analytics worker of another process (its own fold queues and memory) on the same store.</summary>
    public AnalyticsHandler AnalyticsElsewhere { get; }

    public BatchProcessor WritesProcessor { get; }

    public BatchProcessor AnalyticsProcessor { get; }

    public static string WorkoutBody(WorkoutLogged workout, string? eventId = null) =>
        EventWriter.Serialize(EventWriter.WorkoutLogged(workout, "tests", eventId ?? "evt-" + workout.WorkoutId, workout.PerformedAt));

    public static string ProfileBody(string userId, string displayName, DateTimeOffset time, string? eventId = null) =>
        EventWriter.Serialize(EventWriter.ProfileUpdated(
            new ProfileUpdated { UserId = userId, DisplayName = displayName, Bodyweight = 80m, Unit = WeightUnit.Kg, Goals = ["strength"] },
            "tests",
            eventId ?? $"evt-profile-{displayName}",
            time));

    public static string RecomputeBody(string userId, string reason = "test", params string[] workoutIds) =>
        EventWriter.Serialize(EventWriter.AnalyticsRecompute(
            new AnalyticsRecomputeRequested { UserId = userId, Reason = reason, WorkoutIds = workoutIds.Length == 0 ? null : workoutIds },
            "tests",
            "evt-r-" + userId,
            Now));

    /// <summary>Builds an event of the given bodies (message ids m1, m2, … across the harness's life) as delivered the <paramref name="receiveCount"/>th time.</summary>
    public SqsEvent Event(IEnumerable<string> bodies, int receiveCount = 1) => new()
    {
        Records = [.. bodies.Select(body => Message(body, "m" + Interlocked.Increment(ref _messageNumber), receiveCount))],
    };

    public static SqsMessage Message(string body, string messageId, int receiveCount = 1) => new()
    {
        MessageId = messageId,
        ReceiptHandle = "rh-" + messageId,
        Body = body,
        EventSource = "aws:sqs",
        EventSourceArn = WritesArn,
        Attributes = new Dictionary<string, string> { [SqsSystemAttributes.ApproximateReceiveCount] = receiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    public Task<BatchOutcome> WriteAsync(params string[] bodies) => WriteAsync(Event(bodies));

    public Task<BatchOutcome> WriteAsync(SqsEvent sqsEvent) =>
        WritesProcessor.ProcessAsync(sqsEvent, Writes, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

    public Task<BatchOutcome> RecomputeAsync(SqsEvent sqsEvent, bool elsewhere = false) =>
        AnalyticsProcessor.ProcessAsync(sqsEvent, elsewhere ? AnalyticsElsewhere : Analytics, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

    /// <summary>Receives every pending recompute request and runs the analytics worker on them, as the event source mapping would.</summary>
    public async Task<int> DrainRecomputesAsync()
    {
        var handled = 0;
        while (true)
        {
            var messages = await AnalyticsQueue.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None);
            if (messages.Count == 0)
            {
                return handled;
            }

            var outcome = await RecomputeAsync(new SqsEvent { Records = messages });
            Assert.Empty(outcome.Response.BatchItemFailures);
            await AnalyticsQueue.DeleteBatchAsync([.. messages.Select(m => m.ReceiptHandle!)], CancellationToken.None);
            handled += messages.Count;
        }
    }

    public async Task<AnalyticsDocument?> StoredAnalyticsAsync(string userId)
    {
        var item = await Store.GetAsync(TableKeys.UserPartition(userId), TableKeys.AnalyticsSortKey, CancellationToken.None);
        return item is null ? null : AnalyticsItems.ReadDocument(item);
    }

    public async Task<StoredProfile?> StoredProfileAsync(string userId)
    {
        var item = await Store.GetAsync(TableKeys.UserPartition(userId), TableKeys.ProfileSortKey, CancellationToken.None);
        return item is null ? null : JsonSerializer.Deserialize(item.Data, StorageJsonContext.Default.StoredProfile);
    }

    /// <summary>Every message in the writes dead-letter queue (received, so left invisible).</summary>
    public async Task<IReadOnlyList<SqsMessage>> WritesDeadLettersAsync()
    {
        var all = new List<SqsMessage>();
        IReadOnlyList<SqsMessage> batch;
        do
        {
            batch = await WritesDeadLetters.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None);
            all.AddRange(batch);
        }
        while (batch.Count > 0);
        return all;
    }

    /// <summary>The analytics a direct computation over exactly these workouts gives, with the stored document's computedAt.</summary>
    public static string Expected(string userId, IEnumerable<WorkoutLogged> workouts, AnalyticsDocument stored) =>
        AnalyticsJson.Serialize(AnalyticsDocument.From(AnalyticsCalculator.Compute(userId, workouts, stored.ComputedAt)));
}
