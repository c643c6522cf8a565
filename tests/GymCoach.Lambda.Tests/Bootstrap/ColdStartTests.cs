using System.Diagnostics;
using System.Globalization;
using GymCoach.Lambda.Tests.Support;
using Xunit.Abstractions;

namespace GymCoach.Lambda.Tests.Bootstrap;

/// <summary>
/// Cold start (process start to first response posted) and peak memory of the AOT bootstrap beside the same code on
/// the JIT (<c>dotnet bootstrap.dll</c>), measured in one run; the figures are written to the test output.
/// </summary>
[Collection(PublishedBootstrapCollection.Name)]
public sealed class ColdStartTests(PublishedBootstrap bootstrap, ITestOutputHelper output)
{
    private const int Repetitions = 5;

    [Fact]
    public async Task AotBootstrap_StartsFasterAndSmallerThanTheJit()
    {
        var aot = new List<Measurement>();
        var jit = new List<Measurement>();
        for (var i = 0; i < Repetitions; i++)
        {
            aot.Add(await MeasureAsync(bootstrap.Path));
            jit.Add(await MeasureAsync(RepositoryPaths.JitBootstrap));
        }

        output.WriteLine(Summary("AOT", aot));
        output.WriteLine(Summary("JIT", jit));
        Assert.True(Median(aot, m => m.ColdStartMs) < Median(jit, m => m.ColdStartMs), "the AOT bootstrap should answer its first invocation sooner");
        Assert.True(Median(aot, m => m.PeakMemoryKib) < Median(jit, m => m.PeakMemoryKib), "the AOT bootstrap should need less memory");
    }

    private static async Task<Measurement> MeasureAsync(string executable)
    {
        await using var api = FakeRuntimeApi.Start();
        var requestId = api.Enqueue(SqsEvents.Json([.. Enumerable.Range(0, 10)
            .Select(i => ("w" + i, SqsEvents.WorkoutBody(SqsEvents.Workout("workout-" + i, "user-" + (i % 3)))))]));
        using var process = BootstrapProcess.Start(executable, api.Address, Variables.Embedded("writes"));

        var post = await api.WaitForResultAsync(requestId, TimeSpan.FromSeconds(60));

        Assert.Equal(RuntimePostKind.Response, post.Kind);
        return new Measurement(Stopwatch.GetElapsedTime(process.StartedAt, post.Timestamp).TotalMilliseconds, process.PeakMemoryKib());
    }

    private static double Median(List<Measurement> measurements, Func<Measurement, double> value)
    {
        var sorted = measurements.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Summary(string name, List<Measurement> measurements) => string.Create(
        CultureInfo.InvariantCulture,
        $"{name}: cold start median {Median(measurements, m => m.ColdStartMs):F0} ms " +
        $"({string.Join(", ", measurements.Select(m => m.ColdStartMs.ToString("F0", CultureInfo.InvariantCulture)))}), " +
        $"peak RSS median {Median(measurements, m => m.PeakMemoryKib) / 1024:F1} MiB");

    private sealed record Measurement(double ColdStartMs, long PeakMemoryKib);
}
