using System.Globalization;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Backends;
using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.EventSource;
using GymCoach.Hosting.Workers;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Caching;
using Serilog;

namespace GymCoach.Cli.Hosting;

/// <summary>Both workers on one machine: each driven from its queue by a local event-source runner, as Lambda would drive it.</summary>
/// <remarks>
/// Each worker is composed as the Lambda bootstrap composes it (<see cref="WorkerComposition"/>): SQS throttling on its
/// sends is backed off and retried, its chunk concurrency falls while the table or the queues it sends to throttle, and
/// it logs each batch's outcome and records the catalogue's metrics, into <see cref="Metrics"/>.
/// </remarks>
internal sealed class LocalPipeline
{
    private LocalPipeline(LocalEventSourceRunner writesRunner, LocalEventSourceRunner analyticsRunner, ComposedWorker writes, ComposedWorker analytics, WorkerMetrics metrics)
    {
        WritesRunner = writesRunner;
        AnalyticsRunner = analyticsRunner;
        WritesConcurrency = writes.Concurrency;
        AnalyticsConcurrency = analytics.Concurrency;
        Metrics = metrics;
    }

    public LocalEventSourceRunner WritesRunner { get; }

    public LocalEventSourceRunner AnalyticsRunner { get; }

    /// <summary>The writes worker's chunk concurrency now, and how often throttling lowered it.</summary>
    public ChunkConcurrencyLimiter WritesConcurrency { get; }

    /// <summary>The analytics worker's chunk concurrency now, and how often throttling lowered it.</summary>
    public ChunkConcurrencyLimiter AnalyticsConcurrency { get; }

    /// <summary>What both workers recorded: the same series their Lambda functions write as EMF.</summary>
    public WorkerMetrics Metrics { get; }

    /// <summary>No batch of either worker is being invoked or settled.</summary>
    public bool IsIdle => WritesRunner.Stats.InFlightInvocations == 0 && AnalyticsRunner.Stats.InFlightInvocations == 0;

    /// <summary>Composes both workers over the backend, checking their timeouts against the queues as AWS checks a mapping.</summary>
    /// <param name="cache">The analytics cache the analytics worker refreshes (the API reads it); null for none.</param>
    /// <param name="metrics">Where the workers record their metrics; null keeps them in memory only.</param>
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
        WorkerMetrics? metrics = null,
        CancellationToken cancellationToken = default)
    {
        CheckDeadlineLeavesTime(settings.Writes, settings.Processor);
        CheckDeadlineLeavesTime(settings.Analytics, settings.AnalyticsProcessor);
        metrics ??= WorkerMetrics.InMemory(timeProvider);

        // One store serves both workers, so its throttling slows both: they share its capacity.
        var writes = WorkerComposition.Create(
            new WorkerOptions { Worker = WorkerKind.Writes, QueueName = backend.WritesQueue.Name, Processor = settings.Processor, DecorateHandler = settings.DecorateHandler },
            new WorkerPorts { Store = backend.Store, DeadLetterQueue = backend.WritesDeadLetterQueue, AnalyticsQueue = backend.AnalyticsQueue },
            metrics.Writes,
            timeProvider,
            logger,
            metrics.Output);
        var analytics = WorkerComposition.Create(
            new WorkerOptions { Worker = WorkerKind.Analytics, QueueName = backend.AnalyticsQueue.Name, Processor = settings.AnalyticsProcessor, DecorateHandler = settings.DecorateHandler },
            new WorkerPorts { Store = backend.Store, DeadLetterQueue = backend.AnalyticsDeadLetterQueue },
            metrics.Analytics,
            timeProvider,
            logger,
            metrics.Output,
            cache);
        var writesRunner = await LocalEventSourceRunner.CreateAsync(Backoff(backend.WritesQueue, timeProvider), writes.Function, settings.Writes, timeProvider, logger, cancellationToken);
        var analyticsRunner = await LocalEventSourceRunner.CreateAsync(Backoff(backend.AnalyticsQueue, timeProvider), analytics.Function, settings.Analytics, timeProvider, logger, cancellationToken);
        return new LocalPipeline(writesRunner, analyticsRunner, writes, analytics, metrics);
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

    // The runner's receives and deletes back off too, as the service's own would.
    private static ThrottleBackoffQueue Backoff(IMessageQueue queue, TimeProvider timeProvider) => new(queue, timeProvider: timeProvider);
}
