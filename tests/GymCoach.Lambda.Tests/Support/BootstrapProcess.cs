using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>A bootstrap started as Lambda starts it: a separate process told where the runtime API is and which handler to host.</summary>
internal sealed class BootstrapProcess : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private BootstrapProcess(Process process, long startedAt)
    {
        _process = process;
        StartedAt = startedAt;
        _process.OutputDataReceived += (_, line) => Append(_output, line.Data);
        _process.ErrorDataReceived += (_, line) => Append(_errors, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>When the process was started, from <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public long StartedAt { get; }

    public int Id => _process.Id;

    /// <summary>Standard output so far: the JSON log lines.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="executable"/> (or <c>dotnet executable</c> for a .dll) with only the given environment besides PATH and HOME.</summary>
    public static BootstrapProcess Start(string executable, string runtimeApi, IReadOnlyDictionary<string, string> environment)
    {
        var isDll = executable.EndsWith(".dll", StringComparison.Ordinal);
        var start = new ProcessStartInfo(isDll ? "dotnet" : executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (isDll)
        {
            start.ArgumentList.Add(executable);
        }

        var inherited = new[] { "PATH", "HOME", "DOTNET_ROOT" };
        foreach (var name in start.Environment.Keys.Except(inherited).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        return new BootstrapProcess(process, startedAt);
    }

    /// <summary>The exit code, once the process exited by itself.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>The peak resident set size so far (VmHWM), in KiB.</summary>
    public long PeakMemoryKib()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("no VmHWM in /proc status");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
