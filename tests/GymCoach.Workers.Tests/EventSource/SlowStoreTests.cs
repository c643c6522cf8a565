using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.EventSource;
using GymCoach.Embedded.Queueing;
using GymCoach.Embedded.Storage;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Handlers;
using GymCoach.Workers.Publishing;
using GymCoach.Workers.Storage;
using GymCoach.Workers.Tests.Handlers;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.EventSource;

/// <summary>
/// The writes worker over a store too slow to finish a batch within the function timeout, driven by the real runner,
/// processor and embedded queue (redrive after 5 receives, as deployed): slowness is retried, never dead-lettered.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SlowStoreTests
{
    private const int Workouts = 30;
    private const int BatchSize = 10;
    private const int ChunkSize = 2;

    /// <summary>A batch's 5 chunks need at least 5 store calls one after another, 1.25 s, while messages may start only in the first second.</summary>
    private static readonly TimeSpan StoreDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SafetyMargin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BatchingWindow = TimeSpan.FromSeconds(1);

    /// <summary>As the local backends set it: the function timeout plus the batching window, the time a message is held before its invocation.</summary>
    private static readonly TimeSpan Visibility = FunctionTimeout + BatchingWindow;

    [Fact]
    public async Task WithAStoreTooSlowForABatch_NoMessageIsDeliveredWhileRunningOrDeadLettered_AndAllAreProcessed()
    {
        var deadLetters = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "slow-writes-dlq" });
        var writes = new EmbeddedQueue(new EmbeddedQueueOptions
        {
            Name = "slow-writes",
            VisibilityTimeout = Visibility,
            MaxReceiveCount = 5,
            DeadLetterQueue = deadLetters,
        });
        var analytics = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "slow-analytics" });
        var store = new EmbeddedItemStore();
        var handler = new WritesHandler(new SlowStore(store, StoreDelay), analytics, TimeProvider.System);
        var processor = new BatchProcessor(
            new BatchProcessorOptions { ChunkSize = ChunkSize, MaxConcurrentChunks = 1, DeadlineSafetyMargin = SafetyMargin },
            deadLetters);
        var function = new OverlapDetectingFunction(new WorkerFunction(processor, handler));
        var runner = await LocalEventSourceRunner.CreateAsync(writes, function, new EventSourceOptions
        {
            BatchSize = BatchSize,
            MaximumBatchingWindow = BatchingWindow,
            FunctionTimeout = FunctionTimeout,
            PollWaitTime = TimeSpan.FromMilliseconds(200),
        });
        var workouts = Enumerable.Range(0, Workouts)
            .Select(i => WorkoutBuilder.For($"user-{i % 3}").WithId($"slow-{i:D2}").At("2026-11-16").Exercise("squat", (5, 100m)).Build())
            .ToList();
        await RetryingBatchSend.SendAsync(writes, [.. workouts.Select(w => new OutgoingMessage { Body = WorkerHarness.WorkoutBody(w) })]);

        using var stopping = new CancellationTokenSource();
        var running = runner.RunAsync(stopping.Token);
        try
        {
            await Poll.UntilAsync(() => runner.Stats.MessagesDeleted == Workouts, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await stopping.CancelAsync();
            await running;
        }

        // The store was too slow for whole batches: the deadline reported the rest for retry...
        Assert.True(runner.Stats.MessagesReportedFailed > 0, "No invocation ran into its deadline; the store is not slow enough for this test.");
        Assert.True(runner.Stats.Redeliveries > 0);

        // ...and none of that was delivered again under a running invocation, or dead-lettered.
        Assert.Empty(function.Overlaps);
        Assert.Equal(0, (await deadLetters.GetCountsAsync(CancellationToken.None)).Total);
        Assert.Equal(0, (await writes.GetCountsAsync(CancellationToken.None)).Total);
        foreach (var workout in workouts)
        {
            Assert.NotNull(await store.GetAsync(TableKeys.UserPartition(workout.UserId), TableKeys.WorkoutSortKey(workout.WorkoutId), CancellationToken.None));
        }
    }
}
