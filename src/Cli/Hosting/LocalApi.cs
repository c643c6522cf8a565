using System.Globalization;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Commands;
using GymCoach.Cli.Reports.Live;
using GymCoach.Ingest.Api;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.Publishing;
using GymCoach.Workers.ReadSide;
using Microsoft.Extensions.Logging;
using Serilog;

namespace GymCoach.Cli.Hosting;

/// <summary>The API part of a local run: the two queues' batch publishers and the ingest API's Kestrel host, with the dashboard's endpoints.</summary>
internal sealed class LocalApi : IAsyncDisposable
{
    private readonly IngestApiHost _host;
    private readonly SqsBatchPublisher _writesPublisher;
    private readonly SqsBatchPublisher _analyticsPublisher;
    private int _stopped;

    private LocalApi(IngestApiHost host, SqsBatchPublisher writesPublisher, SqsBatchPublisher analyticsPublisher)
    {
        _host = host;
        _writesPublisher = writesPublisher;
        _analyticsPublisher = analyticsPublisher;
    }

    public Uri BaseAddress => _host.BaseAddress;

    /// <param name="apiKey">The key of the <c>dev</c> key the API accepts unless the settings name keys.</param>
    /// <param name="metrics">The API's recorder; null records nothing.</param>
    /// <exception cref="CommandFailedException">The port is in use.</exception>
    public static async Task<LocalApi> StartAsync(
        IBackend backend,
        ApiServerSettings settings,
        string apiKey,
        AnalyticsCache cache,
        ReadCaches readCaches,
        MetricsRecorder? metrics,
        PipelineSampler sampler,
        Serilog.ILogger logger,
        bool verbose,
        CancellationToken cancellationToken)
    {
        var writesPublisher = new SqsBatchPublisher(backend.WritesQueue);
        var analyticsPublisher = new SqsBatchPublisher(backend.AnalyticsQueue);
        var ingest = IngestBackend.Batched(writesPublisher, analyticsPublisher, backend.Store, new AnalyticsReader(backend.Store, cache)) with
        {
            ReadCaches = readCaches,
            Metrics = metrics,
        };
        try
        {
            var host = await IngestApiHost.StartAsync(
                Options(settings, apiKey), ingest, settings.Port, logging => ConfigureLogging(logging, logger, verbose), endpoints => DashboardEndpoints.Map(endpoints, sampler), cancellationToken);
            return new LocalApi(host, writesPublisher, analyticsPublisher);
        }
        catch (Exception ex)
        {
            await writesPublisher.DisposeAsync();
            await analyticsPublisher.DisposeAsync();
            if (ex is IOException)
            {
                throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture, $"cannot listen on 127.0.0.1:{settings.Port}: {ex.Message}"));
            }

            throw;
        }
    }

    /// <summary>Stops taking requests (those in flight finish within <paramref name="grace"/>), then flushes the publishers.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (Volatile.Read(ref _stopped) == 0)
        {
            using var graceful = new CancellationTokenSource(grace);
            await _host.StopAsync(graceful.Token);
        }

        await DisposeAsync();
    }

    /// <summary>Stops at once; the publishers still flush what the last requests handed them.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _host.DisposeAsync();

        // Those requests were answered only after their sends anyway.
        await _writesPublisher.DisposeAsync();
        await _analyticsPublisher.DisposeAsync();
    }

    private static IngestApiOptions Options(ApiServerSettings settings, string apiKey) => new()
    {
        AllowedHosts = [.. settings.AllowedHosts],
        ApiKeys = settings.ApiKeys is { Count: > 0 } keys
            ? [.. keys]
            :
            [
                new ApiKeyOptions
                {
                    Name = ApiServer.KeyName,
                    Sha256 = ApiKeyHash.Compute(apiKey),
                    Operations = [.. ApiOperations.All],
                    RequestsPerSecond = settings.RequestsPerSecond,
                    Burst = (int)Math.Min(int.MaxValue, settings.RequestsPerSecond * 2L),
                },
            ],
    };

    /// <summary>The API logs through the command's Serilog logger: one format (readable or JSON) and one redaction for everything.</summary>
    private static void ConfigureLogging(ILoggingBuilder logging, Serilog.ILogger logger, bool verbose)
    {
        logging.ClearProviders();
        logging.AddSerilog(logger);
        logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore", verbose ? LogLevel.Warning : LogLevel.Error);
    }
}
