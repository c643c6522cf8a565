using System.Globalization;
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
    private LocalPipeline(LocalEventSourceRunner writesRunner, LocalEventSourceRunner analyticsRunner)
    {
        WritesRunner = writesRunner;
        AnalyticsRunner = analyticsRunner;
    }

    public LocalEventSourceRunner WritesRunner { get; }

    public LocalEventSourceRunner AnalyticsRunner { get; }

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
        CheckDeadlineLeavesTime(settings.Analytics, settings.Processor);
        var decorate = settings.DecorateHandler ?? (handler => handler);
        var writes = decorate(new WritesHandler(backend.Store, backend.AnalyticsQueue, timeProvider, logger));
        var analytics = decorate(new AnalyticsHandler(backend.Store, timeProvider, logger, cache));
        var writesRunner = await LocalEventSourceRunner.CreateAsync(
            backend.WritesQueue,
            new WorkerFunction(new BatchProcessor(settings.Processor, backend.WritesDeadLetterQueue, timeProvider, logger: logger), writes),
            settings.Writes,
            timeProvider,
            logger,
            cancellationToken);
        var analyticsRunner = await LocalEventSourceRunner.CreateAsync(
            backend.AnalyticsQueue,
            new WorkerFunction(new BatchProcessor(settings.Processor, backend.AnalyticsDeadLetterQueue, timeProvider, logger: logger), analytics),
            settings.Analytics,
            timeProvider,
            logger,
            cancellationToken);
        return new LocalPipeline(writesRunner, analyticsRunner);
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
}
