using System.Diagnostics;
using System.Net;
using System.Text;
using GymCoach.Cli.Emulators;
using GymCoach.Cli.Tests.Support;

namespace GymCoach.Cli.Tests.Commands;

/// <summary><c>gymcoach run</c> as a separate process: serves, processes what it accepted, and stops cleanly on SIGTERM.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-run-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task ServesTheApi_ProcessesTheWorkout_WritesItsMetrics_AndStopsGracefully()
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "gymcoach.dll"), "run", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--api-key", "run-test-key", "--state", _state, "--emf", Path.Combine(_state, "api.emf") })
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
            client.DefaultRequestHeaders.Add("X-Api-Key", "run-test-key");
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
    }

    private static int Kill(int processId)
    {
        using var kill = Process.Start("kill", ["-TERM", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
