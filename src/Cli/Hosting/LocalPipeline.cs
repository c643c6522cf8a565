using System.Globalization;
using GymCoach.Aws.DynamoDb;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Backends;
using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.EventSource;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Handlers;
using GymCoach.Workers.Logging;
using Serilog;

namespace GymCoach.Cli.Hosting;

/// <summary>Both workers on one machine: each driven from its queue by a local event-source runner, as Lambda would drive it.</summary>
/// <remarks>
/// As in the Lambda composition, SQS throttling on the workers' sends and deletes is backed off and retried, and each
/// worker's chunk concurrency falls while the table or the queues it sends to throttle, and climbs back after.
/// </remarks>
internal sealed class LocalPipeline
{
    private LocalPipeline(
        LocalEventSourceRunner writesRunner,
        LocalEventSourceRunner analyticsRunner,
        ChunkConcurrencyLimiter writesConcurrency,
        ChunkConcurrencyLimiter analyticsConcurrency)
    {
        WritesRunner = writesRunner;
        AnalyticsRunner = analyticsRunner;
        WritesConcurrency = writesConcurrency;
        AnalyticsConcurrency = analyticsConcurrency;
    }

    public LocalEventSourceRunner WritesRunner { get; }

    public LocalEventSourceRunner AnalyticsRunner { get; }

    /// <summary>The writes worker's chunk concurrency now, and how often throttling lowered it.</summary>
    public ChunkConcurrencyLimiter WritesConcurrency { get; }

    /// <summary>The analytics worker's chunk concurrency now, and how often throttling lowered it.</summary>
    public ChunkConcurrencyLimiter AnalyticsConcurrency { get; }

    /// <summary>No batch of either worker is being invoked or settled.</summary>
    public bool IsIdle => WritesRunner.Stats.InFlightInvocations == 0 && AnalyticsRunner.Stats.InFlightInvocations == 0;

    /// <summary>Composes both workers over the backend, checking their timeouts against the queues as AWS checks a mapping.</summary>
    /// <exception cref="ArgumentException">
    /// A queue's visibility timeout is shorter than the function timeout, or the function timeout leaves the batch
    /// processor no time to start a message; the message names the values.
    /// </exception>
    public static async Task<LocalPipeline> CreateAsync(
        IBackend backend,
        PipelineSettings settings,
        TimeProvider timeProvider,
        ILogger logger,
        AnalyticsCache? cache = null,
        CancellationToken cancellationToken = default)
    {
        CheckDeadlineLeavesTime(settings.Writes, settings.Processor);
        CheckDeadlineLeavesTime(settings.Analytics, settings.AnalyticsProcessor);
        var decorate = settings.DecorateHandler ?? (handler => handler);
        var recomputeRequests = Backoff(backend.AnalyticsQueue, timeProvider);
        var writesDeadLetters = Backoff(backend.WritesDeadLetterQueue, timeProvider);
        var analyticsDeadLetters = Backoff(backend.AnalyticsDeadLetterQueue, timeProvider);

        // One store serves both workers, so its throttling slows both: they share its capacity.
        var store = backend.Store as DynamoDbItemStore;
        var writesConcurrency = new ChunkConcurrencyLimiter(
            settings.Processor.MaxConcurrentChunks,
            () => (store?.Statistics.SlowDowns ?? 0) + recomputeRequests.Throttles + writesDeadLetters.Throttles,
            logger.ForContext(LogProperties.QueueName, backend.WritesQueue.Name));
        var analyticsConcurrency = new ChunkConcurrencyLimiter(
            settings.AnalyticsProcessor.MaxConcurrentChunks,
            () => (store?.Statistics.SlowDowns ?? 0) + analyticsDeadLetters.Throttles,
            logger.ForContext(LogProperties.QueueName, backend.AnalyticsQueue.Name));

        var writes = decorate(new WritesHandler(backend.Store, recomputeRequests, timeProvider));
        var analytics = decorate(new AnalyticsHandler(backend.Store, timeProvider, cache));
        var writesRunner = await LocalEventSourceRunner.CreateAsync(
            Backoff(backend.WritesQueue, timeProvider),
            new WorkerFunction(new BatchProcessor(settings.Processor, writesDeadLetters, timeProvider, logger: logger, concurrency: writesConcurrency), writes),
            settings.Writes,
            timeProvider,
            logger,
            cancellationToken);
        var analyticsRunner = await LocalEventSourceRunner.CreateAsync(
            Backoff(backend.AnalyticsQueue, timeProvider),
            new WorkerFunction(new BatchProcessor(settings.AnalyticsProcessor, analyticsDeadLetters, timeProvider, logger: logger, concurrency: analyticsConcurrency), analytics),
            settings.Analytics,
            timeProvider,
            logger,
            cancellationToken);
        return new LocalPipeline(writesRunner, analyticsRunner, writesConcurrency, analyticsConcurrency);
    }

    /// <summary>Runs both workers until <paramref name="stopping"/> is cancelled; in-flight batches settle before it returns.</summary>
    public Task RunAsync(CancellationToken stopping) =>
        Task.WhenAll(WritesRunner.RunAsync(stopping), AnalyticsRunner.RunAsync(stopping));

    /// <summary>A deadline within the safety margin would start no message at all, and every message would end in the DLQ after its receives.</summary>
    private static void CheckDeadlineLeavesTime(EventSourceOptions eventSource, BatchProcessorOptions processor)
    {
        if (eventSource.FunctionTimeout <= processor.DeadlineSafetyMargin)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"Function timeout: {eventSource.FunctionTimeout.TotalSeconds} seconds leaves no time within the batch processor's deadline safety margin of {processor.DeadlineSafetyMargin.TotalSeconds} seconds."));
        }
    }

    // Each use gets its own wrapper, so each worker's limiter counts only the throttling of its own calls.
    private static ThrottleBackoffQueue Backoff(IMessageQueue queue, TimeProvider timeProvider) => new(queue, timeProvider: timeProvider);
}
