using System.Diagnostics;
using System.Globalization;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Emulators;
using GymCoach.Contracts.Events;
using GymCoach.Embedded.Storage;
using GymCoach.Ingest.Api;
using GymCoach.Producer;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Publishing;
using GymCoach.Workers.Queueing;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Benchmarks;

/// <summary>The producer client straight to fauxqs beside the same client through the HTTP API (in front of the same fauxqs), in one run.</summary>
/// <remarks>
/// Every case validates each workout, builds its CloudEvent and waits until the queue has it. The API publishes through the
/// auto-batching publisher, as <c>gymcoach run --backend local</c> does, and keeps idempotency records in an in-memory store.
/// Run: <c>dotnet run -c Release --project tools/GymCoach.Benchmarks -- producer-throughput [--workouts N] [--callers N]</c>.
/// </remarks>
internal static class ProducerThroughput
{
    private const string ApiKey = "gck_benchmark_producer";

    public static async Task<int> RunAsync(string[] args)
    {
        var workouts = ReadOption(args, "--workouts", 20_000);
        var callers = ReadOption(args, "--callers", 16);
        await using var fauxqs = await FauxqsServer.StartAsync(CancellationToken.None);
        using var client = SqsClientFactory.Create(fauxqs.Connection);
        var provisioner = new SqsQueueProvisioner(client);
        var data = Enumerable.Range(0, workouts).Select(Workout).ToArray();
        Console.WriteLine($"fauxqs {FauxqsServer.PackageVersion} at {fauxqs.Endpoint}; {workouts} workouts; {callers} concurrent callers");
        Console.WriteLine($"{"case",-44} {"seconds",8} {"workouts/s",11}");

        var cases = new (string Name, bool Http, bool Batches)[]
        {
            ($"SQS transport, {callers} callers, one each", false, false),
            ($"SQS transport, {callers} callers, batches of 100", false, true),
            ($"HTTP transport, {callers} callers, one each", true, false),
            ($"HTTP transport, {callers} callers, batches of 100", true, true),
        };
        foreach (var (name, http, batches) in cases)
        {
            var writes = new QueueDefinition { Name = "bench-writes-" + Guid.NewGuid().ToString("N")[..8], MaxReceiveCount = null };
            var analytics = new QueueDefinition { Name = "bench-analytics-" + Guid.NewGuid().ToString("N")[..8], MaxReceiveCount = null };
            var writesQueue = (await provisioner.EnsureAsync(writes, CancellationToken.None)).Queue;
            var analyticsQueue = (await provisioner.EnsureAsync(analytics, CancellationToken.None)).Queue;
            await using (var target = await Target.StartAsync(http, writesQueue, analyticsQueue))
            {
                await SendAsync(target.Producer, data[..Math.Min(500, data.Length)], callers, batches);
                var stopwatch = Stopwatch.StartNew();
                await SendAsync(target.Producer, data, callers, batches);
                stopwatch.Stop();
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture, $"{name,-44} {stopwatch.Elapsed.TotalSeconds,8:F2} {workouts / stopwatch.Elapsed.TotalSeconds,11:F0}"));
            }

            await provisioner.DeleteAsync(writes, CancellationToken.None);
            await provisioner.DeleteAsync(analytics, CancellationToken.None);
        }

        return 0;
    }

    private static async Task SendAsync(IGymCoachProducer producer, WorkoutLogged[] workouts, int callers, bool batches)
    {
        var size = batches ? GymCoachProducer.MaxBatchWorkouts : 1;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref next)) * size < workouts.Length)
            {
                var start = chunk * size;
                if (batches)
                {
                    await producer.LogWorkoutsAsync(workouts[start..Math.Min(start + size, workouts.Length)]);
                }
                else
                {
                    await producer.LogWorkoutAsync(workouts[start]);
                }
            }
        }));
    }

    private static WorkoutLogged Workout(int i) => new()
    {
        WorkoutId = string.Create(CultureInfo.InvariantCulture, $"w-{Guid.NewGuid():N}-{i}"),
        UserId = string.Create(CultureInfo.InvariantCulture, $"user-{i % 200:D5}"),
        PerformedAt = new DateTimeOffset(2026, 11, 1, 18, 0, 0, TimeSpan.Zero).AddMinutes(i),
        DurationSeconds = 3600,
        Unit = WeightUnit.Kg,
        Exercises = [new ExerciseEntry { ExerciseId = "back-squat", Sets = [new SetEntry { Reps = 5, Weight = 100 + (i % 50) }] }],
    };

    private static int ReadOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The producer under test, and the API in front of the queues when it posts over HTTP.</summary>
    private sealed class Target(IGymCoachProducer producer, IngestApiHost? api, SqsBatchPublisher? writes, SqsBatchPublisher? analytics) : IAsyncDisposable
    {
        public IGymCoachProducer Producer => producer;

        public static async Task<Target> StartAsync(bool http, SqsQueue writesQueue, SqsQueue analyticsQueue)
        {
            if (!http)
            {
                return new Target(GymCoachProducer.CreateSqs(writesQueue, analyticsQueue, "gymcoach/benchmark"), null, null, null);
            }

            var writes = new SqsBatchPublisher(writesQueue);
            var analytics = new SqsBatchPublisher(analyticsQueue);
            var store = new EmbeddedItemStore();
            var backend = IngestBackend.Batched(writes, analytics, store, new AnalyticsReader(store, new AnalyticsCache(new CacheOptions())));
            var options = new IngestApiOptions
            {
                ApiKeys =
                [
                    new ApiKeyOptions
                    {
                        Name = "benchmark",
                        Sha256 = ApiKeyHash.Compute(ApiKey),
                        Operations = [ApiOperations.WorkoutsWrite],
                        RequestsPerSecond = 1_000_000,
                        Burst = 1_000_000,
                    },
                ],
            };
            var api = await IngestApiHost.StartAsync(options, backend, port: 0, configureLogging: null, CancellationToken.None);
            var producer = GymCoachProducer.CreateHttp(new HttpProducerOptions { BaseAddress = api.BaseAddress, ApiKey = ApiKey });
            return new Target(producer, api, writes, analytics);
        }

        public async ValueTask DisposeAsync()
        {
            await producer.DisposeAsync();
            if (api is not null)
            {
                await api.DisposeAsync();
            }

            if (writes is not null)
            {
                await writes.DisposeAsync();
            }

            if (analytics is not null)
            {
                await analytics.DisposeAsync();
            }
        }
    }
}
