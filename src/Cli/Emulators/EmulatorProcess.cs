using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace GymCoach.Cli.Emulators;

/// <summary>A local API emulator running as a child process on a loopback port: started, awaited until it accepts connections, and stopped with its process tree.</summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private const int OutputTailLength = 4000;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private EmulatorProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The endpoint to give an AWS SDK client as its ServiceURL.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time the emulator has used so far (user and system), for benchmarks that charge it per request.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <paramref name="start"/> and waits until <paramref name="port"/> on 127.0.0.1 accepts a connection.</summary>
    /// <exception cref="InvalidOperationException">The process exited or did not listen within <paramref name="startupTimeout"/>; the message carries its output.</exception>
    public static async Task<EmulatorProcess> StartAsync(string name, ProcessStartInfo start, int port, TimeSpan startupTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} could not be started");
        var emulator = new EmulatorProcess(name, process, port);
        process.OutputDataReceived += (_, e) => emulator.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => emulator.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < startupTimeout)
        {
            if (process.HasExited)
            {
                await emulator.DisposeAsync();
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode} while starting: {emulator.OutputTail()}");
            }

            if (await AcceptsConnectionsAsync(port, cancellationToken))
            {
                return emulator;
            }

            await Task.Delay(100, cancellationToken);
        }

        await emulator.DisposeAsync();
        throw new InvalidOperationException($"{name} did not listen on 127.0.0.1:{port} within {startupTimeout.TotalSeconds:N0} s: {emulator.OutputTail()}");
    }

    /// <summary>The last few thousand characters the process wrote, for error messages.</summary>
    public string OutputTail()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > OutputTailLength)
            {
                _output.Remove(0, _output.Length - OutputTailLength);
            }
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
