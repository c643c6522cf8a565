using System.Globalization;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Commands;
using GymCoach.Cli.Reports.Live;
using GymCoach.Ingest.Api;
using GymCoach.Workers.Publishing;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.ReadSide;
using Microsoft.Extensions.Logging;
using Serilog;

namespace GymCoach.Cli.Hosting;

/// <summary>The ingest API in front of the local pipeline: both share the backend, and the analytics cache that recomputes refresh; the dashboard shows every cache.</summary>
internal sealed class ApiServer(IBackend backend, ApiServerSettings settings, Serilog.ILogger logger, bool verbose) : IAsyncDisposable
{
    /// <summary>The key's name: events it posts have the source <c>gymcoach/ingest/dev</c>.</summary>
    public const string KeyName = "dev";

    /// <summary>The FunctionName dimension of the API's metrics, as the dashboard expects it for a local run.</summary>
    public const string MetricsFunctionName = "gymcoach-api-local";

    private readonly CancellationTokenSource _workersStopping = new();
    private readonly CancellationTokenSource _samplerStopping = new();
    private LocalPipeline? _pipeline;
    private PipelineSampler? _sampler;
    private StreamWriter? _metricsFile;
    private Task? _metricsFlushing;
    private Task? _sampling;
    private Task? _workers;
    private IngestApiHost? _host;
    private SqsBatchPublisher? _writesPublisher;
    private SqsBatchPublisher? _analyticsPublisher;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string ApiKey { get; } = settings.ApiKey ?? ApiKeyHash.Generate();

    /// <summary>The workers behind the API, once started.</summary>
    public LocalPipeline Pipeline => _pipeline ?? throw new InvalidOperationException("The server has not been started.");

    /// <summary>The once-a-second record of the run behind <c>/dashboard</c>, once started.</summary>
    public PipelineSampler Sampler => _sampler ?? throw new InvalidOperationException("The server has not been started.");

    /// <exception cref="CommandFailedException">The port is in use.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var cache = new AnalyticsCache(new CacheOptions());
        try
        {
            _pipeline = await LocalPipeline.CreateAsync(backend, settings.Pipeline, TimeProvider.System, logger, cache, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // The workers' settings do not fit the queues (on aws: the deployed ones), refused as AWS refuses such a mapping.
            throw new CommandFailedException(ex.Message);
        }

        _workers = _pipeline.RunAsync(_workersStopping.Token);
        var readCaches = new ReadCaches(backend.Store, new CacheOptions());
        var sampler = new PipelineSampler(_pipeline, backend, cache, TimeProvider.System, readCaches: readCaches);
        _sampler = sampler;
        _sampling = sampler.RunAsync(_samplerStopping.Token);
        var options = new IngestApiOptions
        {
            AllowedHosts = [.. settings.AllowedHosts],
            ApiKeys = settings.ApiKeys is { Count: > 0 } keys
                ? [.. keys]
                :
                [
                    new ApiKeyOptions
                    {
                        Name = KeyName,
                        Sha256 = ApiKeyHash.Compute(ApiKey),
                        Operations = [.. ApiOperations.All],
                        RequestsPerSecond = settings.RequestsPerSecond,
                        Burst = (int)Math.Min(int.MaxValue, settings.RequestsPerSecond * 2L),
                    },
                ],
        };
        _writesPublisher = new SqsBatchPublisher(backend.WritesQueue);
        _analyticsPublisher = new SqsBatchPublisher(backend.AnalyticsQueue);
        var ingest = IngestBackend.Batched(_writesPublisher, _analyticsPublisher, backend.Store, new AnalyticsReader(backend.Store, cache)) with { ReadCaches = readCaches };
        if (settings.MetricsFile is { } metricsFile)
        {
            ingest = ingest with { Metrics = StartMetrics(metricsFile, cache) };
        }

        try
        {
            _host = await IngestApiHost.StartAsync(options, ingest, settings.Port, ConfigureLogging, endpoints => DashboardEndpoints.Map(endpoints, sampler), cancellationToken);
            BaseAddress = _host.BaseAddress;
        }
        catch (IOException ex)
        {
            await StopWorkersAsync();
            throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture, $"cannot listen on 127.0.0.1:{settings.Port}: {ex.Message}"));
        }
    }

    /// <summary>Stops taking requests (those in flight finish), lets the workers drain both queues, then stops them.</summary>
    /// <returns>A one-line account of what the workers did.</returns>
    public async Task<string> StopAsync()
    {
        if (_host is not null)
        {
            using (var grace = new CancellationTokenSource(settings.ShutdownGrace))
            {
                await _host.StopAsync(grace.Token);
            }

            await _host.DisposeAsync();
            _host = null;
        }

        await DisposePublishersAsync();
        var drained = await WaitForDrainAsync();
        await StopWorkersAsync();
        await _sampler!.SampleAsync(CancellationToken.None);
        var writes = _pipeline!.WritesRunner.Stats;
        var analytics = _pipeline.AnalyticsRunner.Stats;
        return string.Create(CultureInfo.InvariantCulture,
            $"{writes.MessagesDeleted} writes and {analytics.MessagesDeleted} recomputes processed{(drained ? string.Empty : "; queued work was left undone after the grace period")}");
    }

    private async Task<bool> WaitForDrainAsync()
    {
        var deadline = DateTimeOffset.UtcNow + settings.ShutdownGrace;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var writes = await backend.WritesQueue.GetCountsAsync(CancellationToken.None);
            var analytics = await backend.AnalyticsQueue.GetCountsAsync(CancellationToken.None);
            if (writes.Total == 0 && analytics.Total == 0 && _pipeline!.IsIdle)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>Stops at once, without draining: for when the command fails.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }

        await DisposePublishersAsync();
        await StopWorkersAsync();
        _workersStopping.Dispose();
        _samplerStopping.Dispose();
    }

    private async Task DisposePublishersAsync()
    {
        // Flushes what the last requests handed them; those requests were answered only after their sends anyway.
        if (_writesPublisher is not null)
        {
            await _writesPublisher.DisposeAsync();
            _writesPublisher = null;
        }

        if (_analyticsPublisher is not null)
        {
            await _analyticsPublisher.DisposeAsync();
            _analyticsPublisher = null;
        }
    }

    /// <summary>Records the API's metrics and appends them as EMF documents to <paramref name="path"/> every 10 s (a CloudWatch agent can ship the file).</summary>
    private MetricsRecorder StartMetrics(string path, AnalyticsCache cache)
    {
        var recorder = new MetricsRecorder(MetricsFunctionName);
        recorder.AddSource(new CacheMetricsSource(cache));
        _metricsFile = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        _metricsFlushing = MetricsFlushLoop.RunAsync(recorder, _metricsFile, TimeSpan.FromSeconds(10), _samplerStopping.Token);
        return recorder;
    }

    private async Task StopWorkersAsync()
    {
        await _samplerStopping.CancelAsync();
        if (_sampling is { } sampling)
        {
            _sampling = null;
            await sampling;
        }

        if (_metricsFlushing is { } flushing)
        {
            _metricsFlushing = null;
            await flushing;
            await _metricsFile!.DisposeAsync();
        }

        await _workersStopping.CancelAsync();
        if (_workers is { } workers)
        {
            _workers = null;
            await workers;
        }
    }

    /// <summary>The API logs through the command's Serilog logger: one format (readable or JSON) and one redaction for everything.</summary>
    private void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSerilog(logger);
        logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore", verbose ? LogLevel.Warning : LogLevel.Error);
    }
}
