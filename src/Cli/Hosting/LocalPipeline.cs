using GymCoach.Cli.Backends;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Caching;
using GymCoach.Workers.EventSource;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Handlers;
using GymCoach.Workers.Logging;
using GymCoach.Workers.Queueing.Sqs;
using GymCoach.Workers.Storage.Dynamo;
using Serilog;

namespace GymCoach.Cli.Hosting;

/// <summary>Both workers on one machine: each driven from its queue by a local event-source runner, as Lambda would drive it.</summary>
/// <remarks>
/// As in the Lambda composition, SQS throttling on the workers' sends and deletes is backed off and retried, and each
/// worker's chunk concurrency falls while the table or the queues it sends to throttle, and climbs back after.
/// </remarks>
internal sealed class LocalPipeline
{
    public LocalPipeline(IBackend backend, PipelineSettings settings, TimeProvider timeProvider, ILogger logger, AnalyticsCache? cache = null)
    {
        var decorate = settings.DecorateHandler ?? (handler => handler);
        var recomputeRequests = Backoff(backend.AnalyticsQueue, timeProvider);
        var writesDeadLetters = Backoff(backend.WritesDeadLetterQueue, timeProvider);
        var analyticsDeadLetters = Backoff(backend.AnalyticsDeadLetterQueue, timeProvider);

        // One store serves both workers, so its throttling slows both: they share its capacity.
        var store = backend.Store as DynamoDbItemStore;
        WritesConcurrency = new ChunkConcurrencyLimiter(
            settings.Processor.MaxConcurrentChunks,
            () => (store?.Statistics.SlowDowns ?? 0) + recomputeRequests.Throttles + writesDeadLetters.Throttles,
            logger.ForContext(LogProperties.QueueName, backend.WritesQueue.Name));
        AnalyticsConcurrency = new ChunkConcurrencyLimiter(
            settings.Processor.MaxConcurrentChunks,
            () => (store?.Statistics.SlowDowns ?? 0) + analyticsDeadLetters.Throttles,
            logger.ForContext(LogProperties.QueueName, backend.AnalyticsQueue.Name));

        var writes = decorate(new WritesHandler(backend.Store, recomputeRequests, timeProvider, logger));
        var analytics = decorate(new AnalyticsHandler(backend.Store, timeProvider, logger, cache));
        WritesRunner = new LocalEventSourceRunner(
            Backoff(backend.WritesQueue, timeProvider),
            new WorkerFunction(new BatchProcessor(settings.Processor, writesDeadLetters, timeProvider, logger: logger, concurrency: WritesConcurrency), writes),
            settings.Writes,
            timeProvider,
            logger);
        AnalyticsRunner = new LocalEventSourceRunner(
            Backoff(backend.AnalyticsQueue, timeProvider),
            new WorkerFunction(new BatchProcessor(settings.Processor, analyticsDeadLetters, timeProvider, logger: logger, concurrency: AnalyticsConcurrency), analytics),
            settings.Analytics,
            timeProvider,
            logger);
    }

    public LocalEventSourceRunner WritesRunner { get; }

    public LocalEventSourceRunner AnalyticsRunner { get; }

    /// <summary>The writes worker's chunk concurrency now, and how often throttling lowered it.</summary>
    public ChunkConcurrencyLimiter WritesConcurrency { get; }

    /// <summary>The analytics worker's chunk concurrency now, and how often throttling lowered it.</summary>
    public ChunkConcurrencyLimiter AnalyticsConcurrency { get; }

    /// <summary>No batch of either worker is being invoked or settled.</summary>
    public bool IsIdle => WritesRunner.Stats.InFlightInvocations == 0 && AnalyticsRunner.Stats.InFlightInvocations == 0;

    /// <summary>Runs both workers until <paramref name="stopping"/> is cancelled; in-flight batches settle before it returns.</summary>
    public Task RunAsync(CancellationToken stopping) =>
        Task.WhenAll(WritesRunner.RunAsync(stopping), AnalyticsRunner.RunAsync(stopping));

    // Each use gets its own wrapper, so each worker's limiter counts only the throttling of its own calls.
    private static ThrottleBackoffQueue Backoff(IMessageQueue queue, TimeProvider timeProvider) => new(queue, timeProvider: timeProvider);
}
