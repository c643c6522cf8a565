using GymCoach.Ingest.Api;
using GymCoach.Ingest.Api.Hosting;
using GymCoach.Ingest.Lambda.Composition;
using GymCoach.Ingest.Lambda.Server;
using GymCoach.Lambda.Runtime;
using GymCoach.Workers.Logging;
using GymCoach.Workers.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using ILogger = Serilog.ILogger;

namespace GymCoach.Ingest.Lambda.Hosting;

/// <summary>Initializes the API once (settings, backend, the same application Kestrel runs), then answers function URL invocations until stopped.</summary>
/// <remarks>When initialization fails, the reason goes to the runtime API's init error endpoint and the process exits non-zero.</remarks>
internal static class ApiLambdaHost
{
    /// <param name="variables">Reads an environment variable; null when unset.</param>
    /// <param name="output">Where the JSON log lines and EMF metric lines go: standard output in Lambda.</param>
    public static async Task<int> RunAsync(RuntimeApiClient client, Func<string, string?> variables, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(output);

        ILogger logger;
        WebApplication app;
        FunctionUrlServer server;
        MetricsRecorder metrics;
        var clients = new List<IDisposable>();
        try
        {
            var settings = ApiLambdaSettings.Read(variables);
            logger = GymCoachLogging.CreateForLambda(settings.LogLevel, output);
            metrics = new MetricsRecorder(settings.FunctionName);
            var backend = ApiBackend.Create(settings, metrics, clients);
            server = new FunctionUrlServer();
            app = Build(settings.Api, backend, server, logger);
            await app.StartAsync(cancellationToken);
            if (settings.Api.ApiKeys.Count == 0)
            {
                logger.Warning("No API keys are configured ({Variable}): every /v1 request is refused with 401", ApiEnvironmentVariables.ApiKeys);
            }

            logger.Information("Initialized the ingest API with {KeyCount} API keys on the {Backend} backend", settings.Api.ApiKeys.Count, settings.Embedded ? "embedded" : "aws");
        }
        catch (Exception ex)
        {
            DisposeAll(clients);
            await InitErrorReport.PostAsync(client, ex, output, cancellationToken);
            return RuntimeExitCodes.Failed;
        }

        using var disposeClients = new ClientsDisposal(clients);
        await using (app)
        {
            using var handler = new FunctionUrlInvocationHandler(server, metrics, output, logger);
            return await new RuntimeLoop(client, handler, logger).RunToExitAsync(cancellationToken);
        }
    }

    /// <summary>The API's application (one pipeline with Kestrel's host) on the function URL server instead of Kestrel.</summary>
    internal static WebApplication Build(IngestApiOptions options, IngestBackend backend, FunctionUrlServer server, ILogger logger)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Services.AddSingleton<IServer>(server);
        return IngestApplication.Build(builder, options, backend, logging =>
        {
            // The API's own warnings and errors (an unhandled exception, a dependency not ready) through the redacting JSON logger.
            logging.AddSerilog(logger);
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Error);
        }, mapEndpoints: null);
    }

    private static void DisposeAll(List<IDisposable> clients)
    {
        foreach (var owned in clients)
        {
            owned.Dispose();
        }
    }

    /// <summary>Disposes the AWS clients after the application that uses them.</summary>
    private sealed class ClientsDisposal(List<IDisposable> clients) : IDisposable
    {
        public void Dispose() => DisposeAll(clients);
    }
}
