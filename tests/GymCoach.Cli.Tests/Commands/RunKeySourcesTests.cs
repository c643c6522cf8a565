using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using GymCoach.Cli.Emulators;
using GymCoach.Cli.Tests.Support;

namespace GymCoach.Cli.Tests.Commands;

/// <summary>Where <c>gymcoach run</c> takes its key from (argument, file, environment), what it refuses, and which hosts it answers.</summary>
[Trait("Category", "Slow")]
public sealed class RunKeySourcesTests : IDisposable
{
    private const string GoodKey = "gck_run_key_sources_0123456789";

    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-run-keys-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task AKeyShorterThan16Characters_IsRefused_AsArgument()
    {
        var result = await CliProcess.RunAsync(null, "run", "--port", "0", "--api-key", "fifteen-chars-k", "--state", _state);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--api-key must be 16 to 256 characters", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyShorterThan16Characters_IsRefused_FromTheEnvironment()
    {
        var result = await CliProcess.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["GYMCOACH_API_KEY"] = "short" }, null, "run", "--port", "0", "--state", _state);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("GYMCOACH_API_KEY must be 16 to 256 characters", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyShorterThan16Characters_IsRefused_FromAFile()
    {
        var file = Path.Combine(_state, "key");
        await File.WriteAllTextAsync(file, "short\n");

        var result = await CliProcess.RunAsync(null, "run", "--port", "0", "--api-key-file", file, "--state", _state);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--api-key-file must hold a key of 16 to 256 characters", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingKeyFile_IsRefused()
    {
        var result = await CliProcess.RunAsync(null, "run", "--port", "0", "--api-key-file", Path.Combine(_state, "nope"), "--state", _state);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--api-key-file: no such file", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidAllowedHost_IsRefused()
    {
        var result = await CliProcess.RunAsync(null, "run", "--port", "0", "--allowed-hosts", "ok.example,bad host", "--state", _state);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AllowedHosts[1]", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyFromAFile_IsAccepted_WithoutAWarning_AndOnlyTheAllowedHostsAreServed()
    {
        var file = Path.Combine(_state, "key");
        await File.WriteAllTextAsync(file, GoodKey + "\n");

        var (status, hostStatuses, stderr) = await PostOnceAsync("--api-key-file", file, "--allowed-hosts", "gymcoach.test,127.0.0.1");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], hostStatuses);
        Assert.DoesNotContain("process list", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyAsArgument_Works_ButWarnsThatTheProcessListShowsIt_AndLoopbackIsServedByDefault()
    {
        var (status, hostStatuses, stderr) = await PostOnceAsync("--api-key", GoodKey);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.BadRequest], hostStatuses);
        Assert.Contains("warning: --api-key is visible to other users in the process list", stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the server, posts one workout with <see cref="GoodKey"/>, asks /health as gymcoach.test, localhost and evil.example, and stops it.</summary>
    private async Task<(HttpStatusCode Status, HttpStatusCode[] Hosts, string StandardError)> PostOnceAsync(params string[] keyArgs)
    {
        var port = FreePort.Next();
        var start = CliProcess.Start(["run", "--port", port.ToString(CultureInfo.InvariantCulture), "--state", _state, .. keyArgs]);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        HttpStatusCode status;
        var hosts = new List<HttpStatusCode>();
        try
        {
            await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            client.DefaultRequestHeaders.Add("X-Api-Key", GoodKey);
            using var body = new StringContent(
                """{"workoutId":"w-keys","userId":"keys","performedAt":"2026-03-02T18:00:00Z","durationSeconds":60,"unit":"kg","exercises":[{"exerciseId":"squat","sets":[{"reps":1,"weight":100}]}]}""",
                Encoding.UTF8,
                "application/json");
            using var accepted = await client.PostAsync(new Uri("v1/workouts", UriKind.Relative), body);
            status = accepted.StatusCode;
            foreach (var host in new[] { "gymcoach.test", "localhost:" + port.ToString(CultureInfo.InvariantCulture), "evil.example" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("health", UriKind.Relative));
                request.Headers.Host = host;
                using var response = await client.SendAsync(request);
                hosts.Add(response.StatusCode);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (status, [.. hosts], await stderr);
    }
}
