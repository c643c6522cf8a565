using GymCoach.Aws.DynamoDb;
using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Handlers;
using GymCoach.Workers.Logging;
using GymCoach.Workers.Metrics;
using Serilog;

namespace GymCoach.Hosting.Workers;

/// <summary>The one composition of a worker function, for every host: handler, throttling control, batch processor, outcome log and metrics.</summary>
/// <remarks>
/// The Lambda bootstrap composes one per process; the CLI's local pipeline one per worker (for <c>run</c> and
/// <c>demo</c>), and <c>invoke</c> one for its single event. Throttled sends back off and are retried rather than
/// failing the chunk, and the chunk concurrency falls while the table or the queues the worker sends to throttle.
/// </remarks>
public static class WorkerComposition
{
    /// <param name="recorder">Where the worker's metrics go: its <c>FunctionName</c> is the function's.</param>
    /// <param name="metricsOutput">Where the recorder's EMF documents are flushed after each invocation: standard output in Lambda.</param>
    /// <param name="cache">The analytics cache the analytics worker refreshes; null where nothing in the process reads analytics.</param>
    /// <exception cref="ArgumentException">The writes worker has no analytics queue to send recompute requests to.</exception>
    public static ComposedWorker Create(
        WorkerOptions options,
        WorkerPorts ports,
        MetricsRecorder recorder,
        TimeProvider timeProvider,
        ILogger logger,
        TextWriter metricsOutput,
        AnalyticsCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(metricsOutput);
        IItemStore store = new MeteredItemStore(ports.Store, recorder, timeProvider);
        var dynamoDb = ports.Store as DynamoDbItemStore;
        if (dynamoDb is not null)
        {
            recorder.AddSource(new StoreStatisticsSource(dynamoDb));
        }

        // Each worker gets its own wrappers, so its limiter counts only the throttling of its own calls; the metered queue inside counts each attempt.
        var deadLetterQueue = new ThrottleBackoffQueue(ports.DeadLetterQueue, timeProvider: timeProvider);
        ThrottleBackoffQueue? analyticsQueue = null;
        IMessageHandler handler;
        if (options.Worker == WorkerKind.Writes)
        {
            var analytics = ports.AnalyticsQueue
                ?? throw new ArgumentException("The writes worker needs the analytics queue.", nameof(ports));
            analyticsQueue = new ThrottleBackoffQueue(new MeteredMessageQueue(analytics, recorder), timeProvider: timeProvider);
            handler = new WritesHandler(store, analyticsQueue, timeProvider);
        }
        else
        {
            handler = new AnalyticsHandler(store, timeProvider, cache, recorder);
        }

        handler = options.DecorateHandler?.Invoke(handler) ?? handler;

        // The limiter lives as long as the function, so a warm function starts at the concurrency the last invocation left.
        var concurrency = new ChunkConcurrencyLimiter(
            options.Processor.MaxConcurrentChunks,
            () => (dynamoDb?.Statistics.SlowDowns ?? 0) + deadLetterQueue.Throttles + (analyticsQueue?.Throttles ?? 0),
            logger.ForContext(LogProperties.QueueName, options.QueueName));
        recorder.AddSource(new ChunkConcurrencySource(concurrency, options.QueueName));
        recorder.AddSource(analyticsQueue is null ? new QueueThrottlesSource(deadLetterQueue) : new QueueThrottlesSource(deadLetterQueue, analyticsQueue));

        var observer = new CompositeBatchObserver(new OutcomeLog(logger), new MetricsBatchObserver(recorder, options.QueueName));
        var processor = new BatchProcessor(options.Processor, deadLetterQueue, timeProvider, observer, logger, concurrency);
        ISqsFunction function = new WorkerFunction(processor, handler);
        if (options.FailMessageId is { } failMessageId)
        {
            function = new FaultInjectingFunction(function, failMessageId);
        }

        return new ComposedWorker(new MeteredSqsFunction(function, recorder, options.QueueName, metricsOutput, timeProvider), concurrency);
    }
}
