using System.Diagnostics;

namespace GymCoach.Cli.Tests.Support;

/// <summary>Headless Chromium for the dashboard's browser tests: installed with apt-get when missing and running as root, else a clear failure.</summary>
internal static class Chromium
{
    // apt-get on a busy 2-core machine (the suite runs beside it) can take minutes; a hang still ends.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private static readonly Lazy<Task<string>> Executable = new(FindOrInstallAsync);

    /// <summary>The page's DOM after its scripts ran (a 5 s virtual-time budget lets it fetch and draw).</summary>
    public static async Task<string> DumpDomAsync(string url) =>
        (await RunAsync(["--virtual-time-budget=5000", "--dump-dom", url])).StandardOutput;

    /// <summary>Saves a 1280×900 screenshot of the page to <paramref name="file"/>.</summary>
    public static Task ScreenshotAsync(string url, string file) =>
        RunAsync(["--virtual-time-budget=5000", "--window-size=1280,900", $"--screenshot={file}", url]);

    private static async Task<CliResult> RunAsync(IReadOnlyList<string> args)
    {
        var profile = Directory.CreateTempSubdirectory("gymcoach-chromium-");
        try
        {
            var start = new ProcessStartInfo(await Executable.Value) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in (string[])
                     ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                      "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}", .. args])
            {
                start.ArgumentList.Add(arg);
            }

            var result = await RunProcessAsync(start);
            Assert.True(result.ExitCode == 0, $"chromium exited with {result.ExitCode}: {result.StandardError}");
            return result;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static async Task<string> FindOrInstallAsync()
    {
        if (Find() is { } found)
        {
            return found;
        }

        if (Environment.UserName != "root")
        {
            Assert.Fail("The dashboard's browser tests need headless Chromium: install it with 'apt-get update && apt-get install -y chromium chromium-driver' (as root).");
        }

        foreach (var command in (string[])["apt-get update", "apt-get install -y chromium chromium-driver"])
        {
            var result = await RunProcessAsync(new ProcessStartInfo("/bin/sh", ["-c", command])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                Environment = { ["DEBIAN_FRONTEND"] = "noninteractive" },
            });
            Assert.True(result.ExitCode == 0, $"'{command}' failed ({result.ExitCode}); install Chromium by hand: {result.StandardError}");
        }

        return Find() ?? throw new InvalidOperationException("apt-get installed chromium, but no chromium executable was found in /usr/bin.");
    }

    private static string? Find() => Candidates.FirstOrDefault(File.Exists);

    private static async Task<CliResult> RunProcessAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} did not finish within {Timeout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
