using System.Diagnostics;

namespace GymCoach.Cli.Tests.Support;

/// <summary>Runs the real <c>gymcoach</c> executable as a separate process, as a user would.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static Task<CliResult> RunAsync(string? standardInput, params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), standardInput, args);

    public static Task<CliResult> RunAsync(TimeSpan timeLimit, string? standardInput, params string[] args) =>
        RunCoreAsync(new Dictionary<string, string>(), standardInput, args, timeLimit);

    /// <param name="environment">Variables set for this process only, on top of the test's own.</param>
    public static Task<CliResult> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, string? standardInput, params string[] args) =>
        RunCoreAsync(environment, standardInput, args, Timeout);

    private static async Task<CliResult> RunCoreAsync(IReadOnlyDictionary<string, string> environment, string? standardInput, string[] args, TimeSpan timeLimit)
    {
        var start = Start(args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start gymcoach");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(timeLimit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"gymcoach {string.Join(' ', args)} did not finish within {timeLimit}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>How to start <c>gymcoach</c> with <paramref name="args"/>, every stream redirected; for tests that drive a long-running command.</summary>
    public static ProcessStartInfo Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gymcoach.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
