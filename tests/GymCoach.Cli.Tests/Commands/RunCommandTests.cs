using System.Diagnostics;
using System.Net;
using System.Text;
using GymCoach.Cli.Emulators;
using GymCoach.Cli.Tests.Support;

namespace GymCoach.Cli.Tests.Commands;

/// <summary><c>gymcoach run</c> as a separate process: serves, processes what it accepted, and stops cleanly on SIGTERM.</summary>
[Trait("Category", "Slow")]
public sealed class RunCommandTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-run-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task ServesTheApi_ProcessesTheWorkout_WritesItsMetrics_AndStopsGracefully()
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "gymcoach.dll"), "run", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--api-key", "run-test-key-0123456789", "--state", _state, "--emf", Path.Combine(_state, "api.emf") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var banner = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal($"GymCoach API listening on http://127.0.0.1:{port}/ (OpenAPI document: http://127.0.0.1:{port}/openapi/v1.json)", banner);

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            client.DefaultRequestHeaders.Add("X-Api-Key", "run-test-key-0123456789");
            using var body = new StringContent(
                """{"workoutId":"w-run","userId":"runner","performedAt":"2026-03-02T18:00:00Z","durationSeconds":60,"unit":"kg","exercises":[{"exerciseId":"deadlift","sets":[{"reps":1,"weight":200}]}]}""",
                Encoding.UTF8,
                "application/json");
            using var accepted = await client.PostAsync(new Uri("v1/workouts", UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                Assert.Equal(0, Kill(process.Id));
            }
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("gymcoach run: stopped (1 writes and 1 recomputes processed)", await stderr, StringComparison.Ordinal);

        var shown = await CliProcess.RunAsync(null, "analytics", "runner", "--state", _state);
        Assert.True(shown.ExitCode == 0, shown.StandardError);
        Assert.Contains("\"bestWeightKg\": 200.00", shown.StandardOutput, StringComparison.Ordinal);

        // The API's metrics were flushed on the way out, as embedded metric format lines.
        var metrics = await File.ReadAllTextAsync(Path.Combine(_state, "api.emf"));
        Assert.Contains("\"ApiRequests\":1", metrics, StringComparison.Ordinal);
        Assert.Contains("\"StatusClass\":\"2xx\"", metrics, StringComparison.Ordinal);

        // The workers' metrics go to the same file, per worker, as their Lambda functions write them.
        Assert.Contains("\"FunctionName\":\"gymcoach-writes-worker-local\"", metrics, StringComparison.Ordinal);
        Assert.Contains("\"FunctionName\":\"gymcoach-analytics-worker-local\"", metrics, StringComparison.Ordinal);
        Assert.Contains("\"MessagesSucceeded\":1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysFromAFile_AreEnforcedPerOperation()
    {
        var keysFile = Path.Combine(_state, "keys.json");
        await File.WriteAllTextAsync(keysFile, $$"""[{"name":"reader","sha256":"{{Ingest.Api.ApiKeyHash.Compute("reader-key")}}","operations":["analytics:read"]}]""");
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "gymcoach.dll"), "run", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--keys", keysFile, "--state", _state })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal("API keys: 1 from the keys file (reader)", await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            client.DefaultRequestHeaders.Add("X-Api-Key", "reader-key");
            using var body = new StringContent("""{"userId":"u1","reason":"manual"}""", Encoding.UTF8, "application/json");
            using var refused = await client.PostAsync(new Uri("v1/analytics/recompute", UriKind.Relative), body);
            using var read = await client.GetAsync(new Uri("v1/users/u1/analytics", UriKind.Relative));

            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                Assert.Equal(0, Kill(process.Id));
            }
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, process.ExitCode);
        _ = await stderr;
    }

    [Theory]
    [InlineData("[]", "lists no keys")]
    [InlineData("""[{"name":"x","sha256":"not-hex","operations":["workouts:fly"]}]""", "ApiKeys[0].Sha256 must be 64 hexadecimal digits")]
    [InlineData("""{"keys":1}""", "is not a JSON list of keys")]
    public async Task AnInvalidKeysFile_IsRefusedWithWhatIsWrong(string content, string expected)
    {
        var keysFile = Path.Combine(_state, "keys.json");
        await File.WriteAllTextAsync(keysFile, content);

        var result = await CliProcess.RunAsync(null, "run", "--port", "0", "--keys", keysFile, "--state", _state);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
    }

    private static int Kill(int processId)
    {
        using var kill = Process.Start("kill", ["-TERM", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
