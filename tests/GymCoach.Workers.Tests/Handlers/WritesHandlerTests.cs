using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Handlers;

public sealed class WritesHandlerTests
{
    private static readonly string[] UsersOfFiveWorkouts = ["a", "b", "c", "a", "b"];
    private readonly WorkerHarness _harness = new();

    [Fact]
    public async Task HundredWorkoutsOfOneUser_AreStored_AndCoalescedIntoOneRecomputeRequest()
    {
        var workouts = Enumerable.Range(0, 100).Select(i => WorkoutBuilder.For("alice").WithId($"w{i}").Exercise("deadlift", (5, 100m + i)).Build()).ToList();

        var outcome = await _harness.WriteAsync([.. workouts.Select(w => WorkerHarness.WorkoutBody(w))]);

        Assert.Equal(100, outcome.Succeeded);
        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Equal(1, (await _harness.AnalyticsQueue.GetCountsAsync(CancellationToken.None)).Visible);
        await _harness.DrainRecomputesAsync();
        var stored = await _harness.StoredAnalyticsAsync("alice");
        Assert.NotNull(stored);
        Assert.Equal(WorkerHarness.Expected("alice", workouts, stored), AnalyticsJson.Serialize(stored));
    }

    [Fact]
    public async Task OneRecomputeRequestPerAffectedUser_InAChunk()
    {
        var bodies = UsersOfFiveWorkouts.Select((user, i) => WorkerHarness.WorkoutBody(WorkoutBuilder.For(user).WithId($"w{i}").Exercise("bench-press", (5, 60m)).Build()));

        await _harness.WriteAsync([.. bodies]);

        Assert.Equal(3, (await _harness.AnalyticsQueue.GetCountsAsync(CancellationToken.None)).Visible);
    }

    [Fact]
    public async Task TheSameWorkoutDeliveredAgain_ChangesNothing_ButStillRequestsARecompute()
    {
        var workout = WorkoutBuilder.For("bob").WithId("w1").Exercise("back-squat", (3, 140m)).Build();
        var body = WorkerHarness.WorkoutBody(workout);
        await _harness.WriteAsync(body, body);
        await _harness.DrainRecomputesAsync();

        var again = await _harness.WriteAsync(body);

        Assert.Equal(1, again.Succeeded);
        // A redelivery may be the retry of a chunk whose recompute request was lost: it must ask again.
        Assert.Equal(1, await _harness.DrainRecomputesAsync());
        var stored = await _harness.StoredAnalyticsAsync("bob");
        Assert.Equal(1, stored!.TotalWorkouts);
        Assert.Empty(await _harness.WritesDeadLettersAsync());
    }

    [Fact]
    public async Task DifferentContentUnderAStoredWorkoutId_IsDeadLetteredAsAConflict()
    {
        var original = WorkoutBuilder.For("carol").WithId("w1").Exercise("deadlift", (5, 180m)).Build();
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(original));

        var changed = WorkoutBuilder.For("carol").WithId("w1").Exercise("deadlift", (5, 185m)).Build();
        var outcome = await _harness.WriteAsync(WorkerHarness.WorkoutBody(changed, "evt-changed"));

        Assert.Equal(1, outcome.DeadLettered);
        Assert.Empty(outcome.Response.BatchItemFailures);
        var dead = Assert.Single(await _harness.WritesDeadLettersAsync());
        Assert.Contains("conflict: workout 'w1'", dead.GetStringAttribute(MessageAttributeNames.FailureReason));
        await _harness.DrainRecomputesAsync();
        Assert.Equal(180m, (await _harness.StoredAnalyticsAsync("carol"))!.Exercises.Single().BestWeightKg);
    }

    [Fact]
    public async Task AWorkoutIdUsedByAnotherUser_BlocksNoOne_BothAreStored()
    {
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(WorkoutBuilder.For("dave").WithId("shared").Exercise("row", (8, 70m)).Build()));

        var outcome = await _harness.WriteAsync(WorkerHarness.WorkoutBody(WorkoutBuilder.For("erin").WithId("shared").Exercise("row", (9, 70m)).Build(), "evt-2"));
        await _harness.DrainRecomputesAsync();

        Assert.Equal(1, outcome.Succeeded);
        Assert.Equal(8, (await _harness.StoredAnalyticsAsync("dave"))!.TotalReps);
        Assert.Equal(9, (await _harness.StoredAnalyticsAsync("erin"))!.TotalReps);
    }

    [Fact]
    public async Task ConflictingCopiesInOneChunk_TheFirstIsStored_TheOtherDeadLettered()
    {
        var first = WorkoutBuilder.For("fay").WithId("w1").Exercise("bench-press", (5, 50m)).Build();
        var second = WorkoutBuilder.For("fay").WithId("w1").Exercise("bench-press", (5, 55m)).Build();

        var outcome = await _harness.WriteAsync(WorkerHarness.WorkoutBody(first), WorkerHarness.WorkoutBody(second, "evt-2"), WorkerHarness.WorkoutBody(first));

        Assert.Equal(2, outcome.Succeeded);
        Assert.Equal(1, outcome.DeadLettered);
    }

    [Fact]
    public async Task AConflictingCopyAheadOfAStoredWorkoutsDuplicateInOneChunk_OnlyTheCopyIsDeadLettered()
    {
        var original = WorkoutBuilder.For("fay").WithId("w1").Exercise("bench-press", (5, 50m)).Build();
        await _harness.WriteAsync(WorkerHarness.WorkoutBody(original));
        var copy = original with { DurationSeconds = original.DurationSeconds + 60 };

        var outcome = await _harness.WriteAsync(WorkerHarness.WorkoutBody(copy, "evt-copy"), WorkerHarness.WorkoutBody(original, "evt-retry"));

        Assert.Equal(1, outcome.Succeeded);
        Assert.Equal(1, outcome.DeadLettered);
        var dead = Assert.Single(await _harness.WritesDeadLettersAsync());
        Assert.Contains("evt-copy", dead.Body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ProfileUpdates_TheNewestEventTimeWins_WhateverTheArrivalOrder(bool newestFirst)
    {
        var older = WorkerHarness.ProfileBody("gus", "Old Name", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var newer = WorkerHarness.ProfileBody("gus", "New Name", new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        if (newestFirst)
        {
            await _harness.WriteAsync(newer);
            await _harness.WriteAsync(older);
        }
        else
        {
            await _harness.WriteAsync(older, newer);
        }

        Assert.Equal("New Name", (await _harness.StoredProfileAsync("gus"))!.Profile.DisplayName);
    }

    [Fact]
    public async Task ProfileUpdateWithoutTime_IsDeadLettered()
    {
        var body = """{"specversion":"1.0","id":"p1","source":"t","type":"gymcoach.profile.updated.v1","data":{"userId":"hal","displayName":"H","bodyweight":80,"unit":"kg","goals":[]}}""";

        var outcome = await _harness.WriteAsync(body);

        Assert.Equal(1, outcome.DeadLettered);
        var dead = Assert.Single(await _harness.WritesDeadLettersAsync());
        Assert.Contains("no time", dead.GetStringAttribute(MessageAttributeNames.FailureReason));
    }

    [Fact]
    public async Task InvalidWorkout_IsDeadLetteredWithEveryInvalidField_OthersInTheChunkSucceed()
    {
        var invalid = WorkerHarness.WorkoutBody(WorkoutBuilder.For("ivy").WithId("bad").Exercise("curl", (0, 2000m)).Build());
        var valid = WorkerHarness.WorkoutBody(WorkoutBuilder.For("ivy").WithId("good").Exercise("curl", (10, 20m)).Build());

        var outcome = await _harness.WriteAsync(invalid, valid);

        Assert.Equal(1, outcome.Succeeded);
        Assert.Equal(1, outcome.DeadLettered);
        var reason = Assert.Single(await _harness.WritesDeadLettersAsync()).GetStringAttribute(MessageAttributeNames.FailureReason);
        Assert.Contains("exercises[0].sets[0].reps", reason);
        Assert.Contains("exercises[0].sets[0].weight", reason);
    }

    [Fact]
    public async Task RecomputeRequestsThatCannotBeSent_FailTheirUsersMessagesForRetry()
    {
        var harness = new WorkerHarness(new RefusingQueue());
        var body = WorkerHarness.WorkoutBody(WorkoutBuilder.For("jo").WithId("w1").Exercise("dip", (10, 0m)).Build());

        var outcome = await harness.WriteAsync(body);

        Assert.Equal(1, outcome.RetryFailed);
        Assert.Single(outcome.Response.BatchItemFailures);
    }
}
