using GymCoach.Contracts.Storage;
using GymCoach.Lambda.Hosting;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Handlers;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.Runtime;
using GymCoach.Workers.Storage.Dynamo;
using Serilog;

namespace GymCoach.Lambda.Composition;

/// <summary>Builds the hosted worker function once per process: handler, batch processor, dead-letter queue, cache, metrics.</summary>
internal static class WorkerComposition
{
    /// <param name="metricsOutput">Where the EMF metric documents go after each invocation: standard output in Lambda.</param>
    public static ISqsFunction Create(LambdaSettings settings, IWorkerBackend backend, ILogger logger, TimeProvider timeProvider, TextWriter metricsOutput)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(backend);
        var recorder = new MetricsRecorder(settings.FunctionName, timeProvider);
        IItemStore store = new MeteredItemStore(backend.Store, recorder, timeProvider);
        if (backend.Store is DynamoDbItemStore dynamoDb)
        {
            recorder.AddSource(new StoreStatisticsSource(dynamoDb));
        }

        IMessageHandler handler;
        if (settings.Worker == WorkerKind.Writes)
        {
            var analyticsQueue = backend.AnalyticsQueue
                ?? throw new RuntimeInitException(RuntimeErrorTypes.ConfigInvalid, "The writes worker needs the analytics queue.");
            handler = new WritesHandler(store, new MeteredMessageQueue(analyticsQueue, recorder), timeProvider, logger);
        }
        else
        {
            var cache = new AnalyticsCache(new CacheOptions());
            recorder.AddSource(new CacheMetricsSource(cache));
            handler = new AnalyticsHandler(store, timeProvider, logger, cache, recorder);
        }

        var observer = new CompositeBatchObserver(new OutcomeLog(logger), new MetricsBatchObserver(recorder, settings.SourceQueueName));
        var processor = new BatchProcessor(settings.Processor, backend.DeadLetterQueue, timeProvider, observer, logger);
        ISqsFunction function = new WorkerFunction(processor, handler);
        if (settings.FailMessageId is { } failMessageId)
        {
            function = new FaultInjectingFunction(function, failMessageId);
        }

        return new MeteredSqsFunction(function, recorder, settings.SourceQueueName, metricsOutput, timeProvider);
    }
}
