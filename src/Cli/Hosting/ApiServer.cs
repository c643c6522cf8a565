using System.Globalization;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Commands;
using GymCoach.Cli.Reports.Live;
using GymCoach.Ingest.Api;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Cli.Hosting;

/// <summary>The ingest API in front of the local pipeline: both share the backend, and the analytics cache that recomputes refresh; the dashboard shows every cache.</summary>
/// <remarks>
/// Three parts, started in order and stopped in reverse: the metrics (<see cref="LocalMetrics"/>), the workers and the
/// dashboard's sampler (<see cref="LocalWorkers"/>), the API (<see cref="LocalApi"/>).
/// </remarks>
internal sealed class ApiServer : IAsyncDisposable
{
    /// <summary>The key's name: events it posts have the source <c>gymcoach/ingest/dev</c>.</summary>
    public const string KeyName = "dev";

    /// <summary>The FunctionName dimension of the API's metrics, as the dashboard expects it for a local run.</summary>
    public const string MetricsFunctionName = LocalMetrics.ApiFunctionName;

    private readonly IBackend _backend;
    private readonly ApiServerSettings _settings;
    private readonly LocalMetrics _metrics;
    private readonly LocalWorkers _workers;
    private readonly LocalApi _api;

    private ApiServer(IBackend backend, ApiServerSettings settings, string apiKey, LocalMetrics metrics, LocalWorkers workers, LocalApi api)
    {
        _backend = backend;
        _settings = settings;
        ApiKey = apiKey;
        _metrics = metrics;
        _workers = workers;
        _api = api;
    }

    public Uri BaseAddress => _api.BaseAddress;

    public string ApiKey { get; }

    /// <summary>The workers behind the API.</summary>
    public LocalPipeline Pipeline => _workers.Pipeline;

    /// <summary>The once-a-second record of the run behind <c>/dashboard</c>.</summary>
    public PipelineSampler Sampler => _workers.Sampler;

    /// <summary>Starts the metrics, then the workers, then the API; what has started is stopped again when a later part fails.</summary>
    /// <exception cref="CommandFailedException">The workers' settings do not fit the queues, or the port is in use.</exception>
    public static async Task<ApiServer> StartAsync(IBackend backend, ApiServerSettings settings, Serilog.ILogger logger, bool verbose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(settings);
        var apiKey = settings.ApiKey ?? ApiKeyHash.Generate();
        var cache = new AnalyticsCache(new CacheOptions());
        var readCaches = new ReadCaches(backend.Store, new CacheOptions());
        var metrics = LocalMetrics.Start(settings.MetricsFile, cache, TimeProvider.System);
        LocalWorkers? workers = null;
        try
        {
            workers = await StartWorkersAsync(backend, settings, metrics.Workers, cache, readCaches, logger, cancellationToken);
            var api = await LocalApi.StartAsync(backend, settings, apiKey, cache, readCaches, metrics.Api, workers.Sampler, logger, verbose, cancellationToken);
            return new ApiServer(backend, settings, apiKey, metrics, workers, api);
        }
        catch
        {
            if (workers is not null)
            {
                await workers.DisposeAsync();
            }

            await metrics.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops taking requests (those in flight finish), lets the workers drain both queues, stops them, then the metrics.</summary>
    /// <returns>A one-line account of what the workers did.</returns>
    public async Task<string> StopAsync()
    {
        await _api.StopAsync(_settings.ShutdownGrace);
        var drained = await WaitForDrainAsync();
        await _workers.StopAsync();
        await _metrics.DisposeAsync();
        var writes = _metrics.Workers.WritesTotals.Sum(MetricCatalogue.MessagesSucceeded);
        var recomputes = _metrics.Workers.AnalyticsTotals.Sum(MetricCatalogue.MessagesSucceeded);
        return string.Create(CultureInfo.InvariantCulture,
            $"{writes} writes and {recomputes} recomputes processed{(drained ? string.Empty : "; queued work was left undone after the grace period")}");
    }

    /// <summary>Stops at once, without draining, in reverse order of starting: for when the command fails.</summary>
    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _workers.DisposeAsync();
        await _metrics.DisposeAsync();
    }

    private static async Task<LocalWorkers> StartWorkersAsync(
        IBackend backend,
        ApiServerSettings settings,
        WorkerMetrics metrics,
        AnalyticsCache cache,
        ReadCaches readCaches,
        Serilog.ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            return await LocalWorkers.StartAsync(backend, settings.Pipeline, metrics, cache, readCaches, logger, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // The workers' settings do not fit the queues (on aws: the deployed ones), refused as AWS refuses such a mapping.
            throw new CommandFailedException(ex.Message);
        }
    }

    private async Task<bool> WaitForDrainAsync()
    {
        var deadline = DateTimeOffset.UtcNow + _settings.ShutdownGrace;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var writes = await _backend.WritesQueue.GetCountsAsync(CancellationToken.None);
            var analytics = await _backend.AnalyticsQueue.GetCountsAsync(CancellationToken.None);
            if (writes.Total == 0 && analytics.Total == 0 && _workers.Pipeline.IsIdle)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
