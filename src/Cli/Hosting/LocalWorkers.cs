using GymCoach.Cli.Backends;
using GymCoach.Cli.Reports.Live;
using GymCoach.Workers.Caching;
using GymCoach.Workers.ReadSide;
using Serilog;

namespace GymCoach.Cli.Hosting;

/// <summary>The pipeline part of a local run: both workers running from their queues, and the once-a-second sampler behind the dashboard.</summary>
internal sealed class LocalWorkers : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _running;
    private readonly Task _sampling;
    private int _disposed;

    private LocalWorkers(LocalPipeline pipeline, PipelineSampler sampler)
    {
        Pipeline = pipeline;
        Sampler = sampler;
        _running = pipeline.RunAsync(_stopping.Token);
        _sampling = sampler.RunAsync(_stopping.Token);
    }

    public LocalPipeline Pipeline { get; }

    /// <summary>The once-a-second record of the run behind <c>/dashboard</c>.</summary>
    public PipelineSampler Sampler { get; }

    /// <summary>Composes both workers into <paramref name="metrics"/> and starts them, with the sampler.</summary>
    /// <param name="readCaches">The API's read caches, which the dashboard shows beside the analytics cache.</param>
    /// <exception cref="ArgumentException">The workers' settings do not fit the queues (see <see cref="LocalPipeline.CreateAsync"/>).</exception>
    public static async Task<LocalWorkers> StartAsync(
        IBackend backend,
        PipelineSettings settings,
        WorkerMetrics metrics,
        AnalyticsCache cache,
        ReadCaches readCaches,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var pipeline = await LocalPipeline.CreateAsync(backend, settings, TimeProvider.System, logger, cache, metrics, cancellationToken);
        return new LocalWorkers(pipeline, new PipelineSampler(pipeline, backend, cache, TimeProvider.System, readCaches: readCaches));
    }

    /// <summary>Stops sampling and the workers (batches in flight settle), then takes the run's last sample.</summary>
    public async Task StopAsync()
    {
        await StopRunningAsync();
        await Sampler.SampleAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopRunningAsync();
        _stopping.Dispose();
    }

    private async Task StopRunningAsync()
    {
        await _stopping.CancelAsync();
        await _sampling;
        await _running;
    }
}
