using System.Diagnostics;
using GymCoach.Cli.Commands;
using GymCoach.Cli.Hosting;

namespace GymCoach.Cli.Demo.Chaos;

/// <summary>A <c>gymcoach run</c> child process on the chaos demo's state folder, started again after every kill.</summary>
/// <remarks>Its output goes to <c>chaos-workers.log</c> in the state folder, for a look at what each life did.</remarks>
internal sealed class WorkerProcess(string stateDirectory, int port, string apiKey) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private Process? _process;
    private StreamWriter? _log;
    private Task _output = Task.CompletedTask;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}/");

    private string LogPath => Path.Combine(stateDirectory, "chaos-workers.log");

    /// <summary>Starts the child and waits until its API answers <c>GET /ready</c>.</summary>
    /// <exception cref="CommandFailedException">The child exited or did not get ready within a minute.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = SelfCommand.StartInfo(["run", "--state", stateDirectory, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--rate-limit", "10000000"]);
        start.Environment["GYMCOACH_API_KEY"] = apiKey;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new CommandFailedException("could not start the workers' child process");
        _process = process;
        var log = _log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        _output = Task.WhenAll(CopyAsync(process.StandardOutput, log), CopyAsync(process.StandardError, log));

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new CommandFailedException($"the workers' child process exited with code {process.ExitCode}; see {LogPath}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("ready", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Starting slowly.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new CommandFailedException($"the workers' child process was not ready within {StartTimeout.TotalSeconds:0} s; see {LogPath}");
    }

    /// <summary>SIGKILL: no handler runs, nothing is flushed, as when the OOM killer or a power switch stops it.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        // The pipes close with the process, which ends the copying.
        await _output;
        _process?.Dispose();
        _process = null;
        if (_log is not null)
        {
            await _log.DisposeAsync();
            _log = null;
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private static async Task CopyAsync(StreamReader from, StreamWriter to)
    {
        try
        {
            while (await from.ReadLineAsync() is { } line)
            {
                lock (to)
                {
                    to.WriteLine(line);
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke with the kill.
        }
    }
}
