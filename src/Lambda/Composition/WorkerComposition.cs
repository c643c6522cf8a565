using GymCoach.Lambda.Hosting;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Handlers;
using GymCoach.Workers.Runtime;
using Serilog;

namespace GymCoach.Lambda.Composition;

/// <summary>Builds the hosted worker function once per process: handler, batch processor, dead-letter queue, cache.</summary>
internal static class WorkerComposition
{
    public static ISqsFunction Create(LambdaSettings settings, IWorkerBackend backend, ILogger logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(backend);
        IMessageHandler handler = settings.Worker switch
        {
            WorkerKind.Writes => new WritesHandler(
                backend.Store,
                backend.AnalyticsQueue ?? throw new RuntimeInitException(RuntimeErrorTypes.ConfigInvalid, "The writes worker needs the analytics queue."),
                timeProvider,
                logger),
            WorkerKind.Analytics => new AnalyticsHandler(backend.Store, timeProvider, logger, new AnalyticsCache(new CacheOptions())),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Worker, "unknown worker"),
        };
        var processor = new BatchProcessor(settings.Processor, backend.DeadLetterQueue, timeProvider, new OutcomeLog(logger), logger);
        ISqsFunction function = new WorkerFunction(processor, handler);
        return settings.FailMessageId is { } failMessageId ? new FaultInjectingFunction(function, failMessageId) : function;
    }
}
