using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Handlers;

/// <summary>
/// Property: with store calls failing before or after they apply, redeliveries, concurrent invocations of the analytics
/// worker (in one process or in two) on overlapping and duplicated requests, conflicting re-posts and workouts arriving
/// out of time order, every
/// user's incrementally folded analytics equal a full computation over the workouts stored, and no workout is lost.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FoldUnderFaultsTests
{
    private static readonly string[] Users = ["ana", "ben", "cat", "dan"];
    private static readonly string[] Exercises = ["back-squat", "bench-press", "deadlift", "custom-sled"];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task FoldedAnalytics_EqualAFullComputation_UnderCrashesRedeliveriesAndConcurrency(int seed)
    {
        var random = new Random(seed);
        var store = new CrashingStore(new EmbeddedItemStore(), new Random(seed * 7919), failureRate: 0.08);
        var harness = new WorkerHarness(store: store);
        var workouts = Enumerable.Range(0, 60).Select(i => RandomWorkout(random, i)).ToList();
        var pending = new List<string>();
        foreach (var workout in workouts)
        {
            pending.AddRange(Enumerable.Repeat(WorkerHarness.WorkoutBody(workout), random.Next(1, 3)));
            if (random.NextDouble() < 0.1)
            {
                // A conflicting re-post: same user and id, other content.
                pending.Add(WorkerHarness.WorkoutBody(workout with { DurationSeconds = workout.DurationSeconds + 1 }, "conflict-" + workout.WorkoutId));
            }
        }

        while (pending.Count > 0)
        {
            await WriteSomeAsync(harness, pending, random);
            if (random.NextDouble() < 0.6)
            {
                await RecomputeSomeConcurrentlyAsync(harness, random);
            }
        }

        store.Crashing = false;
        await harness.DrainRecomputesAsync();
        foreach (var user in Users)
        {
            var stored = await StoredWorkoutsAsync(store, user);
            Assert.Equal(workouts.Where(w => w.UserId == user).Select(w => w.WorkoutId).Order(), stored.Select(w => w.WorkoutId).Order());
            var analytics = await harness.StoredAnalyticsAsync(user);
            if (stored.Count > 0)
            {
                Assert.NotNull(analytics);
                Assert.Equal(WorkerHarness.Expected(user, stored, analytics), AnalyticsJson.Serialize(analytics));
            }
        }
    }

    /// <summary>One writes invocation; its failed messages come back, and sometimes the whole batch does (a crash after the writes).</summary>
    private static async Task WriteSomeAsync(WorkerHarness harness, List<string> pending, Random random)
    {
        var batch = new List<string>();
        for (var count = random.Next(1, 20); count > 0 && pending.Count > 0; count--)
        {
            var index = random.Next(pending.Count);
            batch.Add(pending[index]);
            pending.RemoveAt(index);
        }

        var sqsEvent = harness.Event(batch);
        var outcome = await harness.WriteAsync(sqsEvent);
        var failed = outcome.Response.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet();
        var crashed = random.NextDouble() < 0.15;
        pending.AddRange(sqsEvent.Records.Where(r => crashed || failed.Contains(r.MessageId)).Select(r => r.Body));
    }

    /// <summary>Three analytics invocations at once on overlapping requests, some delivered twice, in one process or two; what failed, or all after a crash, comes back.</summary>
    private static async Task RecomputeSomeConcurrentlyAsync(WorkerHarness harness, Random random)
    {
        var messages = await harness.AnalyticsQueue.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None);
        if (messages.Count == 0)
        {
            return;
        }

        // Three invocations, each in this process or the other one; each message goes to one, some to another as well.
        var invocations = new List<SqsMessage>[] { [], [], [] };
        foreach (var message in messages)
        {
            invocations[random.Next(3)].Add(message);
            if (random.NextDouble() < 0.3)
            {
                invocations[random.Next(3)].Add(message);
            }
        }

        var outcomes = await Task.WhenAll(invocations.Select(records =>
            harness.RecomputeAsync(new SqsEvent { Records = records }, elsewhere: random.Next(2) == 0)));
        var failed = outcomes.SelectMany(o => o.Response.BatchItemFailures.Select(f => f.ItemIdentifier)).ToHashSet();
        var crashed = random.NextDouble() < 0.15;
        foreach (var message in messages)
        {
            if (crashed || failed.Contains(message.MessageId))
            {
                await harness.AnalyticsQueue.ChangeVisibilityAsync(message.ReceiptHandle!, TimeSpan.Zero, CancellationToken.None);
            }
            else
            {
                await harness.AnalyticsQueue.DeleteBatchAsync([message.ReceiptHandle!], CancellationToken.None);
            }
        }
    }

    private static async Task<List<Contracts.Events.WorkoutLogged>> StoredWorkoutsAsync(IItemStore store, string userId)
    {
        var stored = new List<Contracts.Events.WorkoutLogged>();
        await foreach (var item in store.QueryAllAsync(TableKeys.UserPartition(userId), TableKeys.WorkoutSortKeyPrefix, CancellationToken.None))
        {
            stored.Add(WorkoutItems.Read(item));
        }

        return stored;
    }

    private static Contracts.Events.WorkoutLogged RandomWorkout(Random random, int number)
    {
        // Out of time order: performedAt is random, not rising with the number.
        var builder = WorkoutBuilder.For(Users[random.Next(Users.Length)])
            .WithId($"w{number}")
            .At(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 60 * 24 * 200)));
        builder = random.Next(2) == 0 ? builder.InPounds() : builder;
        foreach (var exercise in Exercises.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
        {
            builder = builder.Exercise(exercise, [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => (random.Next(1, 13), (decimal)random.Next(0, 400) / 4))]);
        }

        return builder.Build();
    }
}
