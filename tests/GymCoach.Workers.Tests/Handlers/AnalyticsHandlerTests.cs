using GymCoach.Contracts.Events;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Handlers;

[Trait("Category", "Slow")]
public sealed class AnalyticsHandlerTests
{
    private readonly CountingStore _store = new(new EmbeddedItemStore());
    private readonly WorkerHarness _harness;

    public AnalyticsHandlerTests()
    {
        _harness = new WorkerHarness(store: _store);
    }

    [Fact]
    public async Task Recompute_StoresExactlyWhatTheCalculatorComputesFromTheStoredWorkouts()
    {
        var workouts = new[]
        {
            WorkoutBuilder.For("kim").WithId("w1").At("2026-11-16").Exercise("back-squat", (5, 100m), (1, 130m)).Build(),
            WorkoutBuilder.For("kim").WithId("w2").At("2026-11-23").InPounds().Exercise("bench-press", (8, 135m)).Build(),
        };
        await _harness.WriteAsync([.. workouts.Select(w => WorkerHarness.WorkoutBody(w))]);

        await _harness.DrainRecomputesAsync();

        var stored = await _harness.StoredAnalyticsAsync("kim");
        Assert.NotNull(stored);
        Assert.Equal(WorkerHarness.Expected("kim", workouts, stored), AnalyticsJson.Serialize(stored));
        Assert.Equal(2, stored.ComputedFromWorkouts);
    }

    [Fact]
    public async Task ManyRequestsForOneUserInAChunk_AreReadInTwoCalls_AndFoldedOnce()
    {
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(WorkoutBuilder.For("lee").WithId("w1").Exercise("deadlift", (5, 150m)).Build()));
        var requests = Enumerable.Repeat(WorkerHarness.RecomputeBody("lee", RecomputeReasons.WorkoutsChanged, "w1"), 40).Append(WorkerHarness.RecomputeBody("max"));
        var (gets, written) = (_store.Gets, _store.ItemsWritten);

        var outcome = await _harness.RecomputeAsync(_harness.Event(requests));

        Assert.Equal(41, outcome.Succeeded);
        Assert.Equal(2, _store.Gets - gets); // the analytics items, then the named workouts
        Assert.Equal(3, _store.ItemsWritten - written); // lee's analytics and w1's mark, max's first (empty) analytics
        Assert.Empty(_store.QueriesByPartition);
        Assert.Equal(1, (await _harness.StoredAnalyticsAsync("lee"))!.TotalWorkouts);
    }

    [Fact]
    public async Task ARepeatedRequest_ForWorkoutsCountedAlready_WritesNothing()
    {
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(WorkoutBuilder.For("lou").WithId("w1").Exercise("deadlift", (5, 150m)).Build()));
        await _harness.DrainRecomputesAsync();
        var written = _store.ItemsWritten;

        var outcome = await _harness.RecomputeAsync(_harness.Event([WorkerHarness.RecomputeBody("lou", RecomputeReasons.WorkoutsChanged, "w1")]));

        Assert.Equal(1, outcome.Succeeded);
        Assert.Equal(written, _store.ItemsWritten);
        Assert.Equal(1, (await _harness.StoredAnalyticsAsync("lou"))!.TotalWorkouts);
    }

    [Fact]
    public async Task ConcurrentInvocationsNamingTheSameUsers_FoldOneAfterAnother_WithoutRefusingEachOther()
    {
        var workouts = Enumerable.Range(0, 40).Select(i => WorkoutBuilder.For($"u{i % 4}").WithId($"w{i}").Exercise("row", (10, 60m + i)).Build()).ToList();
        await _harness.WriteAsync([.. workouts.Select(w => WorkerHarness.WorkoutBody(w))]);
        var events = workouts.Select((w, i) => (w, i)).GroupBy(x => x.i % 8)
            .Select(g => _harness.Event(g.Select(x => WorkerHarness.RecomputeBody(x.w.UserId, RecomputeReasons.WorkoutsChanged, x.w.WorkoutId))))
            .ToList();

        var outcomes = await Task.WhenAll(events.Select(sqsEvent => _harness.RecomputeAsync(sqsEvent)));

        Assert.All(outcomes, outcome => Assert.Equal(5, outcome.Succeeded));
        Assert.Equal(0, _store.WriteRefusals);
        for (var user = 0; user < 4; user++)
        {
            var own = workouts.Where(w => w.UserId == $"u{user}").ToList();
            var stored = await _harness.StoredAnalyticsAsync($"u{user}");
            Assert.Equal(WorkerHarness.Expected($"u{user}", own, stored!), AnalyticsJson.Serialize(stored!));
        }
    }

    [Fact]
    public async Task WhenTheDeadlineComesMidChunk_UsersAlreadyFoldedSucceed_AndTheRestAreRetried_NoneDeadLettered()
    {
        var store = new EventSource.SlowStore(new EmbeddedItemStore(), TimeSpan.FromMilliseconds(250));
        var harness = new WorkerHarness(store: store);
        var users = Enumerable.Range(0, 80).Select(i => $"late-{i}").ToList();
        var sqsEvent = harness.Event(users.Select(user => WorkerHarness.RecomputeBody(user)));

        var outcome = await harness.AnalyticsProcessor.ProcessAsync(sqsEvent, harness.Analytics, DateTimeOffset.UtcNow.AddSeconds(3.6), CancellationToken.None);

        Assert.Equal(0, outcome.DeadLettered);
        Assert.True(outcome.Succeeded > 0, "some users were folded before the deadline");
        Assert.True(outcome.RetryFailed > 0, "the deadline stopped the rest");
        var failed = outcome.Response.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet();
        foreach (var (record, user) in sqsEvent.Records.Zip(users))
        {
            if (!failed.Contains(record.MessageId))
            {
                Assert.NotNull(await harness.StoredAnalyticsAsync(user));
            }
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(300)]
    public async Task ANewWorkout_CostsTheSameReadsAndWrites_WhateverTheHistory(int history)
    {
        for (var i = 0; i < history; i += 50)
        {
            await _harness.WriteAsync([.. Enumerable.Range(i, Math.Min(50, history - i)).Select(n =>
                WorkerHarness.WorkoutBody(WorkoutBuilder.For("hal").WithId($"old-{n}").At(DateTimeOffset.Parse("2024-01-01T00:00:00Z").AddDays(n)).Exercise("row", (10, 60m)).Build()))]);
            await _harness.DrainRecomputesAsync();
        }

        var (gets, read, written) = (_store.Gets, _store.ItemsRead, _store.ItemsWritten);
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(WorkoutBuilder.For("hal").WithId("new").Exercise("row", (10, 65m)).Build()));
        await _harness.DrainRecomputesAsync();

        Assert.Equal(2, _store.Gets - gets); // the analytics item, then the new workout
        Assert.Equal(2, _store.ItemsRead - read); // the analytics item and the new workout
        Assert.Equal(3, _store.ItemsWritten - written); // the workout, then the analytics and the workout's mark
        Assert.Empty(_store.QueriesByPartition);
        Assert.Equal(history + 1, (await _harness.StoredAnalyticsAsync("hal"))!.TotalWorkouts);
    }

    [Fact]
    public async Task AResultOfAnotherCalculatorVersion_IsRebuiltFromTheWorkouts()
    {
        var workouts = new[]
        {
            WorkoutBuilder.For("ned").WithId("w1").Exercise("row", (10, 60m)).Build(),
            WorkoutBuilder.For("ned").WithId("w2").Exercise("row", (10, 65m)).Build(),
        };
        await _harness.WriteAsync([.. workouts.Select(w => WorkerHarness.WorkoutBody(w))]);
        await _harness.DrainRecomputesAsync();
        await OverwriteAnalyticsAsync("ned", calculatorVersion: AnalyticsCalculator.Version - 1, totalWorkouts: 99);

        await _harness.RecomputeAsync(_harness.Event([WorkerHarness.RecomputeBody("ned")]));

        var stored = await _harness.StoredAnalyticsAsync("ned");
        Assert.Equal(WorkerHarness.Expected("ned", workouts, stored!), AnalyticsJson.Serialize(stored!));
    }

    [Fact]
    public async Task ARebuildRequest_RecomputesFromEveryStoredWorkout_CountingEachOnce()
    {
        var workouts = new[]
        {
            WorkoutBuilder.For("ray").WithId("w1").Exercise("row", (10, 60m)).Build(),
            WorkoutBuilder.For("ray").WithId("w2").At("2026-11-02").Exercise("dip", (8, 0m)).Build(),
        };
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(workouts[0]));
        await _harness.DrainRecomputesAsync();
        await OverwriteAnalyticsAsync("ray", calculatorVersion: AnalyticsCalculator.Version, totalWorkouts: 99); // damaged
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(workouts[1])); // stored, its fold still queued

        await _harness.RecomputeAsync(_harness.Event([WorkerHarness.RecomputeBody("ray", RecomputeReasons.Rebuild)]));
        await _harness.DrainRecomputesAsync();

        var stored = await _harness.StoredAnalyticsAsync("ray");
        Assert.Equal(WorkerHarness.Expected("ray", workouts, stored!), AnalyticsJson.Serialize(stored!));
    }

    [Fact]
    public async Task AnalyticsStoredInTheEarlierFormat_AreServed_AndRebuiltOnTheNextRequest()
    {
        var workout = WorkoutBuilder.For("old").WithId("w1").Exercise("row", (10, 60m)).Build();
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(workout));
        var legacy = AnalyticsDocument.From(AnalyticsCalculator.Compute("old", [workout], DateTimeOffset.UtcNow));
        await _store.WriteAsync([new ItemWrite(new StoredItem
        {
            PartitionKey = TableKeys.UserPartition("old"),
            SortKey = TableKeys.AnalyticsSortKey,
            Data = AnalyticsJson.Serialize(legacy),
            Version = legacy.ComputedFromWorkouts,
        })], CancellationToken.None);
        Assert.Equal(1, (await _harness.StoredAnalyticsAsync("old"))!.TotalWorkouts);

        await _harness.DrainRecomputesAsync();

        var stored = await _harness.StoredAnalyticsAsync("old");
        Assert.Equal(WorkerHarness.Expected("old", [workout], stored!), AnalyticsJson.Serialize(stored!));
    }

    [Theory]
    [InlineData(RecomputeReasons.WorkoutsChanged)]
    [InlineData(RecomputeReasons.Rebuild)]
    public async Task AnalyticsOfTheTransactionalScheme_WithoutAPendingList_CountTheMarkedWorkoutsOnce(string reason)
    {
        // What the transactional scheme left: each counted workout marked (version Folded), an analytics item without a pending list.
        var counted = WorkoutBuilder.For("vic").WithId("w1").Exercise("row", (10, 60m)).Build();
        var added = WorkoutBuilder.For("vic").WithId("w2").Exercise("row", (8, 70m)).Build();
        var earlier = new StoredAnalytics { CalculatorVersion = AnalyticsCalculator.Version, Analytics = AnalyticsCalculator.Compute("vic", [counted], DateTimeOffset.UtcNow) };
        await _store.WriteAsync(
            [
                new ItemWrite(WorkoutItems.Store(counted, WorkoutItems.Serialize(counted)).Item with { Version = WorkoutItems.Folded }),
                new ItemWrite(WorkoutItems.Store(added, WorkoutItems.Serialize(added)).Item),
                new ItemWrite(new StoredItem
                {
                    PartitionKey = TableKeys.UserPartition("vic"),
                    SortKey = TableKeys.AnalyticsSortKey,
                    Data = System.Text.Json.JsonSerializer.Serialize(earlier, StorageJsonContext.Default.StoredAnalytics),
                    Version = 1,
                }),
            ],
            CancellationToken.None);

        var outcome = await _harness.RecomputeAsync(_harness.Event([WorkerHarness.RecomputeBody("vic", reason, "w1", "w2")]));

        Assert.Equal(1, outcome.Succeeded);
        var stored = await _harness.StoredAnalyticsAsync("vic");
        Assert.Equal(WorkerHarness.Expected("vic", [counted, added], stored!), AnalyticsJson.Serialize(stored!));
    }

    [Fact]
    public async Task Recompute_RefreshesTheCachedAnalytics()
    {
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(WorkoutBuilder.For("oli").WithId("w1").Exercise("dip", (10, 10m)).Build()));
        await _harness.DrainRecomputesAsync();
        Assert.True(_harness.Cache.TryGet("oli", out var first));
        Assert.Equal(1, first!.TotalWorkouts);

        await _harness.WriteAsync(WorkerHarness.WorkoutBody(WorkoutBuilder.For("oli").WithId("w2").Exercise("dip", (10, 15m)).Build()));
        await _harness.DrainRecomputesAsync();

        Assert.True(_harness.Cache.TryGet("oli", out var second));
        Assert.Equal(2, second!.TotalWorkouts);
    }

    [Fact]
    public async Task StoredRecomputes_AreCountedInTheAnalyticsRecomputesMetric()
    {
        var metrics = new MetricsRecorder("gymcoach-analytics-worker-test");
        var harness = new WorkerHarness(metrics: metrics);
        await harness.WriteAsync(
            WorkerHarness.WorkoutBody(WorkoutBuilder.For("uma").WithId("w1").Exercise("dip", (10, 10m)).Build()),
            WorkerHarness.WorkoutBody(WorkoutBuilder.For("vic").WithId("w2").Exercise("dip", (10, 10m)).Build()));

        await harness.DrainRecomputesAsync();

        using var output = new StringWriter();
        metrics.Flush(output);
        var document = output.ToString().Split('\n').Single(line => line.Contains("AnalyticsRecomputes", StringComparison.Ordinal));
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(document).RootElement.GetProperty("AnalyticsRecomputes").GetDouble());
    }

    [Fact]
    public async Task AUserWithNoWorkouts_GetsEmptyAnalytics()
    {
        await _harness.RecomputeAsync(_harness.Event([WorkerHarness.RecomputeBody("pat")]));

        var stored = await _harness.StoredAnalyticsAsync("pat");
        Assert.Equal(0, stored!.TotalWorkouts);
        Assert.Null(stored.LastWorkoutAt);
    }

    [Fact]
    public async Task AWriteEventOnTheAnalyticsQueue_IsDeadLettered()
    {
        var outcome = await _harness.RecomputeAsync(_harness.Event([WorkerHarness.WorkoutBody(WorkoutBuilder.For("q").Exercise("dip", (1, 1m)).Build())]));

        Assert.Equal(1, outcome.DeadLettered);
        var dead = Assert.Single(await _harness.AnalyticsDeadLetters.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None));
        Assert.Contains("does not belong on the analytics queue", dead.GetStringAttribute(MessageAttributeNames.FailureReason));
    }

    private async Task OverwriteAnalyticsAsync(string userId, int calculatorVersion, int totalWorkouts)
    {
        var item = await _store.GetAsync(TableKeys.UserPartition(userId), TableKeys.AnalyticsSortKey, CancellationToken.None);
        var state = AnalyticsItems.ReadState(item!)!;
        var damaged = state with { CalculatorVersion = calculatorVersion, Analytics = state.Analytics with { TotalWorkouts = totalWorkouts } };
        await _store.WriteAsync(
            [new ItemWrite(item! with { Data = System.Text.Json.JsonSerializer.Serialize(damaged, StorageJsonContext.Default.StoredAnalytics), Version = item!.Version + 1 })],
            CancellationToken.None);
    }
}
