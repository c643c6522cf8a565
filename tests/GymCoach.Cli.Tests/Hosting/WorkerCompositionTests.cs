using GymCoach.Cli.Backends;
using GymCoach.Cli.Tests.Support;
using GymCoach.Contracts.Lambda;
using GymCoach.Hosting.Workers;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Tests.Hosting;

/// <summary>The one composition, as the local hosts use it: an invocation is handled, recorded in the catalogue's series and flushed as EMF.</summary>
public sealed class WorkerCompositionTests : IDisposable
{
    private const string Function = "gymcoach-writes-worker-local";

    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-composition-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task TheWritesWorker_RecordsWhatItDid_AndFlushesItAsEmfAfterTheInvocation()
    {
        await using var backend = await EmbeddedBackend.OpenAsync(_state, StateAccess.Write, "test", CancellationToken.None);
        var totals = new MetricTotals();
        var emf = new StringWriter();
        var worker = WorkerComposition.Create(
            new WorkerOptions { Worker = WorkerKind.Writes, QueueName = backend.WritesQueue.Name },
            new WorkerPorts { Store = backend.Store, DeadLetterQueue = backend.WritesDeadLetterQueue, AnalyticsQueue = backend.AnalyticsQueue },
            new MetricsRecorder(Function, totals: totals),
            TimeProvider.System,
            Serilog.Core.Logger.None,
            emf);
        var sqsEvent = LambdaJson.ParseEvent(System.Text.Encoding.UTF8.GetBytes(Events.SqsEventJson(
            Events.WritesQueueArn,
            ("good", Events.WorkoutBody(Events.Workout("w-1", "alice"))),
            ("bad", """{"specversion":"1.0","id":"x","source":"t","type":"gymcoach.workout.logged.v9","data":{}}"""))));

        var response = await worker.Function.InvokeAsync(sqsEvent, new InvocationContext("r-1", DateTimeOffset.UtcNow.AddSeconds(30)), CancellationToken.None);

        Assert.Empty(response.BatchItemFailures);
        Assert.Equal(2, totals.Sum(MetricCatalogue.MessagesReceived));
        Assert.Equal(1, totals.Sum(MetricCatalogue.MessagesSucceeded));
        Assert.Equal(1, totals.Sum(MetricCatalogue.MessagesDeadLettered));
        Assert.Equal(1, totals.Histogram(MetricCatalogue.InvocationDuration).Count);
        Assert.True(totals.Histogram(MetricCatalogue.StoreLatency).Count > 0, "the store is metered");
        Assert.Equal(1, (await backend.AnalyticsQueue.GetCountsAsync(CancellationToken.None)).Total);
        Assert.Contains("\"MessagesSucceeded\"", emf.ToString(), StringComparison.Ordinal);
        Assert.Contains(Function, emf.ToString(), StringComparison.Ordinal);
        Assert.Equal(worker.Concurrency.MaxLimit, worker.Concurrency.Limit);
    }

    [Fact]
    public void TheWritesWorker_WithoutAnAnalyticsQueue_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => WorkerComposition.Create(
            new WorkerOptions { Worker = WorkerKind.Writes, QueueName = "gymcoach-writes" },
            new WorkerPorts { Store = new GymCoach.Embedded.Storage.EmbeddedItemStore(), DeadLetterQueue = new GymCoach.Embedded.Queueing.EmbeddedQueue(new() { Name = "gymcoach-writes-dlq" }) },
            new MetricsRecorder(Function),
            TimeProvider.System,
            Serilog.Core.Logger.None,
            TextWriter.Null));

        Assert.Contains("analytics queue", error.Message, StringComparison.Ordinal);
    }
}
