using GymCoach.Hosting.Workers;
using GymCoach.Lambda.Composition;
using GymCoach.Lambda.Runtime;
using GymCoach.Workers.Functions;
using GymCoach.Workers.Logging;
using GymCoach.Workers.Metrics;
using Serilog;

namespace GymCoach.Lambda.Hosting;

/// <summary>Initializes the configured worker once, then answers invocations until stopped.</summary>
/// <remarks>
/// Initialization (configuration, backend, function) happens before the first invocation is requested, so the clients
/// it creates are reused by every invocation of the process. When it fails, the reason goes to the runtime API's init
/// error endpoint and the process exits non-zero.
/// </remarks>
internal static class LambdaHost
{
    /// <param name="variables">Reads an environment variable; null when unset.</param>
    /// <param name="logOutput">Where the JSON log lines go, through the redacting setup every host shares: standard output in Lambda.</param>
    public static async Task<int> RunAsync(
        RuntimeApiClient client,
        Func<string, string?> variables,
        TextWriter logOutput,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(logOutput);

        ILogger logger;
        ISqsFunction function;
        IWorkerBackend? backend = null;
        try
        {
            var settings = LambdaSettings.Read(variables);
            logger = GymCoachLogging.CreateForLambda(settings.LogLevel, logOutput);
            backend = WorkerBackends.Create(settings);
            function = ComposeFunction(settings, backend, logger, logOutput);
            logger.Information("Initialized the {Worker} worker on the {Backend} backend", settings.Worker, settings.Backend);
        }
        catch (Exception ex)
        {
            backend?.Dispose();
            await InitErrorReport.PostAsync(client, ex, logOutput, cancellationToken);
            return RuntimeExitCodes.Failed;
        }

        // The backend's clients serve every invocation of the process; they are released only when the loop ends.
        using var ownedBackend = backend;
        using var handler = new SqsInvocationHandler(function, logger);
        return await new RuntimeLoop(client, handler, logger).RunToExitAsync(cancellationToken);
    }

    /// <summary>The worker the settings name, over the backend's table and queues; its EMF documents follow each invocation on <paramref name="metricsOutput"/>.</summary>
    private static ISqsFunction ComposeFunction(LambdaSettings settings, IWorkerBackend backend, ILogger logger, TextWriter metricsOutput)
    {
        var options = new WorkerOptions
        {
            Worker = settings.Worker,
            QueueName = settings.SourceQueueName,
            Processor = settings.Processor,
            FailMessageId = settings.FailMessageId,
        };
        var ports = new WorkerPorts { Store = backend.Store, DeadLetterQueue = backend.DeadLetterQueue, AnalyticsQueue = backend.AnalyticsQueue };

        // No analytics cache: nothing in this process reads analytics, the API serves them from its own.
        var recorder = new MetricsRecorder(settings.FunctionName, TimeProvider.System);
        return WorkerComposition.Create(options, ports, recorder, TimeProvider.System, logger, metricsOutput).Function;
    }
}
