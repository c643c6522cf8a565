using GymCoach.Aws.DynamoDb;
using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Storage;
using GymCoach.Lambda.Hosting;
using GymCoach.Lambda.Runtime;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Handlers;
using GymCoach.Workers.Logging;
using GymCoach.Workers.Metrics;
using Serilog;

namespace GymCoach.Lambda.Composition;

/// <summary>Builds the hosted worker function once per process: handler, batch processor, dead-letter queue, metrics, throttling control.</summary>
internal static class WorkerComposition
{
    /// <param name="metricsOutput">Where the EMF metric documents go after each invocation: standard output in Lambda.</param>
    public static ISqsFunction Create(LambdaSettings settings, IWorkerBackend backend, ILogger logger, TimeProvider timeProvider, TextWriter metricsOutput)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(backend);
        var recorder = new MetricsRecorder(settings.FunctionName, timeProvider);
        IItemStore store = new MeteredItemStore(backend.Store, recorder, timeProvider);
        var dynamoDb = backend.Store as DynamoDbItemStore;
        if (dynamoDb is not null)
        {
            recorder.AddSource(new StoreStatisticsSource(dynamoDb));
        }

        // Throttled sends back off and are retried rather than failing the chunk; the metered queue inside counts each attempt.
        var deadLetterQueue = new ThrottleBackoffQueue(backend.DeadLetterQueue, timeProvider: timeProvider);
        ThrottleBackoffQueue? analyticsQueue = null;
        IMessageHandler handler;
        if (settings.Worker == WorkerKind.Writes)
        {
            var analytics = backend.AnalyticsQueue
                ?? throw new RuntimeInitException(RuntimeErrorTypes.ConfigInvalid, "The writes worker needs the analytics queue.");
            analyticsQueue = new ThrottleBackoffQueue(new MeteredMessageQueue(analytics, recorder), timeProvider: timeProvider);
            handler = new WritesHandler(store, analyticsQueue, timeProvider);
        }
        else
        {
            // No analytics cache: nothing in this process reads analytics, the API serves them from its own.
            handler = new AnalyticsHandler(store, timeProvider, metrics: recorder);
        }

        // The limiter lives as long as the process, so a warm function starts at the concurrency the last invocation left.
        var concurrency = new ChunkConcurrencyLimiter(
            settings.Processor.MaxConcurrentChunks,
            () => (dynamoDb?.Statistics.SlowDowns ?? 0) + deadLetterQueue.Throttles + (analyticsQueue?.Throttles ?? 0),
            logger.ForContext(LogProperties.QueueName, settings.SourceQueueName));
        recorder.AddSource(new ChunkConcurrencySource(concurrency, settings.SourceQueueName));
        recorder.AddSource(analyticsQueue is null ? new QueueThrottlesSource(deadLetterQueue) : new QueueThrottlesSource(deadLetterQueue, analyticsQueue));

        var observer = new CompositeBatchObserver(new OutcomeLog(logger), new MetricsBatchObserver(recorder, settings.SourceQueueName));
        var processor = new BatchProcessor(settings.Processor, deadLetterQueue, timeProvider, observer, logger, concurrency);
        ISqsFunction function = new WorkerFunction(processor, handler);
        if (settings.FailMessageId is { } failMessageId)
        {
            function = new FaultInjectingFunction(function, failMessageId);
        }

        return new MeteredSqsFunction(function, recorder, settings.SourceQueueName, metricsOutput, timeProvider);
    }
}
