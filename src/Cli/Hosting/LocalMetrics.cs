using GymCoach.Workers.Caching;
using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Hosting;

/// <summary>The metrics part of a local run: the workers' recorders and, with an EMF file, the API's recorder and its flush loop.</summary>
/// <remarks>
/// Started first and stopped last, so every other part records into it while it lives. With an EMF file, the workers
/// append their documents after each invocation (as in Lambda) and the API every 10 s; a CloudWatch agent can ship it.
/// </remarks>
internal sealed class LocalMetrics : IAsyncDisposable
{
    /// <summary>The FunctionName dimension of the API's metrics, as the dashboard expects it for a local run.</summary>
    public const string ApiFunctionName = "gymcoach-api-local";

    private static readonly TimeSpan ApiFlushInterval = TimeSpan.FromSeconds(10);

    private readonly StreamWriter? _file;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _flushing;
    private int _stopped;

    private LocalMetrics(WorkerMetrics workers, MetricsRecorder? api, StreamWriter? file)
    {
        Workers = workers;
        Api = api;
        _file = file;
        _flushing = api is null ? Task.CompletedTask : MetricsFlushLoop.RunAsync(api, workers.Output, ApiFlushInterval, _stopping.Token);
    }

    /// <summary>Both workers' recorders, with the totals the dashboard reads.</summary>
    public WorkerMetrics Workers { get; }

    /// <summary>The API's recorder (with the analytics cache as a source); null without an EMF file, and then the API records nothing.</summary>
    public MetricsRecorder? Api { get; }

    /// <param name="emfFile">The file EMF documents are appended to; null keeps the workers' metrics in memory only.</param>
    public static LocalMetrics Start(string? emfFile, AnalyticsCache cache, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (emfFile is null)
        {
            return new LocalMetrics(WorkerMetrics.InMemory(timeProvider), api: null, file: null);
        }

        var file = new StreamWriter(new FileStream(emfFile, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };

        // Synchronized: both workers' invocations and the API's flush loop write to it, each document in one call.
        var workers = new WorkerMetrics(TextWriter.Synchronized(file), timeProvider);
        var api = new MetricsRecorder(ApiFunctionName, timeProvider);
        api.AddSource(new CacheMetricsSource(cache));
        return new LocalMetrics(workers, api, file);
    }

    /// <summary>Ends the flush loop (it flushes once more) and closes the file; the other parts must be stopped already.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _flushing;
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }

        _stopping.Dispose();
    }
}
