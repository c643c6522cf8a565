using GymCoach.Cli.Backends;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Caching;
using GymCoach.Workers.EventSource;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Handlers;
using Serilog;

namespace GymCoach.Cli.Hosting;

/// <summary>Both workers on one machine: each driven from its queue by a local event-source runner, as Lambda would drive it.</summary>
internal sealed class LocalPipeline
{
    public LocalPipeline(IBackend backend, PipelineSettings settings, TimeProvider timeProvider, ILogger logger, AnalyticsCache? cache = null)
    {
        var decorate = settings.DecorateHandler ?? (handler => handler);
        var writes = decorate(new WritesHandler(backend.Store, backend.AnalyticsQueue, timeProvider, logger));
        var analytics = decorate(new AnalyticsHandler(backend.Store, timeProvider, logger, cache));
        WritesRunner = new LocalEventSourceRunner(
            backend.WritesQueue,
            new WorkerFunction(new BatchProcessor(settings.Processor, backend.WritesDeadLetterQueue, timeProvider, logger: logger), writes),
            settings.Writes,
            timeProvider,
            logger);
        AnalyticsRunner = new LocalEventSourceRunner(
            backend.AnalyticsQueue,
            new WorkerFunction(new BatchProcessor(settings.Processor, backend.AnalyticsDeadLetterQueue, timeProvider, logger: logger), analytics),
            settings.Analytics,
            timeProvider,
            logger);
    }

    public LocalEventSourceRunner WritesRunner { get; }

    public LocalEventSourceRunner AnalyticsRunner { get; }

    /// <summary>No batch of either worker is being invoked or settled.</summary>
    public bool IsIdle => WritesRunner.Stats.InFlightInvocations == 0 && AnalyticsRunner.Stats.InFlightInvocations == 0;

    /// <summary>Runs both workers until <paramref name="stopping"/> is cancelled; in-flight batches settle before it returns.</summary>
    public Task RunAsync(CancellationToken stopping) =>
        Task.WhenAll(WritesRunner.RunAsync(stopping), AnalyticsRunner.RunAsync(stopping));
}
