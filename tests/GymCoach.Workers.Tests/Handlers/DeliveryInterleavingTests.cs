using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Handlers;

/// <summary>Property: whatever the order, duplication, redelivery and crash points of the deliveries, every user's analytics end up exact.</summary>
[Trait("Category", "Slow")]
public sealed class DeliveryInterleavingTests
{
    private static readonly string[] Users = ["ana", "ben", "cat"];
    private static readonly string[] Exercises = ["back-squat", "bench-press", "deadlift", "custom-sled"];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 25; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task AnyInterleavingOfDeliveriesAndRedeliveries_YieldsTheSameAnalytics(int seed)
    {
        var random = new Random(seed);
        var harness = new WorkerHarness();
        var workouts = Enumerable.Range(0, 30).Select(i => RandomWorkout(random, i)).ToList();
        var pending = new List<string>();
        foreach (var workout in workouts)
        {
            var body = WorkerHarness.WorkoutBody(workout);
            pending.AddRange(Enumerable.Repeat(body, random.Next(1, 4))); // duplicates from producer retries
        }

        while (pending.Count > 0)
        {
            var batch = TakeRandom(random, pending, random.Next(1, 15));
            var outcome = await harness.WriteAsync(harness.Event(batch, receiveCount: random.Next(1, 4)));
            var failed = outcome.Response.BatchItemFailures.Count;
            Assert.Equal(0, failed);
            if (random.NextDouble() < 0.25)
            {
                // The function crashed after its writes: the service redelivers the whole batch.
                pending.AddRange(batch);
            }

            if (random.NextDouble() < 0.5)
            {
                await RecomputeSomeAsync(harness, random);
            }
        }

        await harness.DrainRecomputesAsync();
        foreach (var user in Users)
        {
            var own = workouts.Where(w => w.UserId == user).ToList();
            var stored = await harness.StoredAnalyticsAsync(user);
            if (own.Count == 0)
            {
                continue;
            }

            Assert.NotNull(stored);
            Assert.Equal(WorkerHarness.Expected(user, own, stored), AnalyticsJson.Serialize(stored));
        }
    }

    /// <summary>Runs the analytics worker on some pending requests; some of those are redelivered later as if the invocation had failed.</summary>
    private static async Task RecomputeSomeAsync(WorkerHarness harness, Random random)
    {
        var messages = await harness.AnalyticsQueue.ReceiveAsync(random.Next(1, 11), TimeSpan.Zero, CancellationToken.None);
        if (messages.Count == 0)
        {
            return;
        }

        await harness.RecomputeAsync(new SqsEvent { Records = messages });
        if (random.NextDouble() < 0.3)
        {
            foreach (var message in messages)
            {
                await harness.AnalyticsQueue.ChangeVisibilityAsync(message.ReceiptHandle!, TimeSpan.Zero, CancellationToken.None);
            }

            return;
        }

        await harness.AnalyticsQueue.DeleteBatchAsync([.. messages.Select(m => m.ReceiptHandle!)], CancellationToken.None);
    }

    private static List<string> TakeRandom(Random random, List<string> pool, int count)
    {
        var taken = new List<string>(count);
        while (taken.Count < count && pool.Count > 0)
        {
            var index = random.Next(pool.Count);
            taken.Add(pool[index]);
            pool.RemoveAt(index);
        }

        return taken;
    }

    private static WorkoutLogged RandomWorkout(Random random, int number)
    {
        var builder = WorkoutBuilder.For(Users[random.Next(Users.Length)])
            .WithId($"w{number}")
            .At(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(0, 24 * 120)));
        if (random.Next(2) == 0)
        {
            builder = builder.InPounds();
        }

        foreach (var exercise in Exercises.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
        {
            builder = builder.Exercise(exercise, [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => (random.Next(1, 13), (decimal)random.Next(0, 400) / 2))]);
        }

        return builder.Build();
    }
}
