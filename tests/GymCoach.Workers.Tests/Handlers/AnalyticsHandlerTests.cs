using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Handlers;

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
    public async Task ManyRequestsForOneUserInAChunk_AreComputedOnce()
    {
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(WorkoutBuilder.For("lee").WithId("w1").Exercise("deadlift", (5, 150m)).Build()));
        var requests = Enumerable.Repeat(WorkerHarness.RecomputeBody("lee"), 40).Append(WorkerHarness.RecomputeBody("max"));

        var outcome = await _harness.RecomputeAsync(_harness.Event(requests));

        Assert.Equal(41, outcome.Succeeded);
        Assert.Equal(1, _store.QueriesByPartition[TableKeys.UserPartition("lee")]);
        Assert.Equal(1, _store.QueriesByPartition[TableKeys.UserPartition("max")]);
    }

    [Fact]
    public async Task AResultFromFewerWorkouts_NeverOverwritesOneFromMore()
    {
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(WorkoutBuilder.For("ned").WithId("w1").Exercise("row", (10, 60m)).Build()));
        var fromMore = AnalyticsDocument.From(AnalyticsCalculator.Compute(
            "ned",
            [
                WorkoutBuilder.For("ned").WithId("w1").Exercise("row", (10, 60m)).Build(),
                WorkoutBuilder.For("ned").WithId("w9").Exercise("row", (10, 65m)).Build(),
            ],
            DateTimeOffset.UtcNow));
        await _store.WriteAsync([new ItemWrite(new StoredItem
        {
            PartitionKey = TableKeys.UserPartition("ned"),
            SortKey = TableKeys.AnalyticsSortKey,
            Data = AnalyticsJson.Serialize(fromMore),
            Version = fromMore.ComputedFromWorkouts,
        })], CancellationToken.None);

        await _harness.RecomputeAsync(_harness.Event([WorkerHarness.RecomputeBody("ned")]));

        Assert.Equal(2, (await _harness.StoredAnalyticsAsync("ned"))!.TotalWorkouts);
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
}
