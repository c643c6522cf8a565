using GymCoach.Lambda.Tests.Support;
using Xunit.Abstractions;

namespace GymCoach.Lambda.Tests.Bootstrap;

/// <summary>
/// Cold start (process start to first response posted) and peak memory of the AOT bootstrap beside the same code on
/// the JIT (<c>dotnet bootstrap.dll</c>), measured in one run; the figures are written to the test output.
/// </summary>
/// <remarks>
/// What is asserted is that both builds answer the same first invocation; which one is faster or smaller is a
/// measurement, reported and never asserted (docs/performance.md has the figures).
/// </remarks>
[Collection(PublishedBootstrapCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ColdStartTests(PublishedBootstrap bootstrap, ITestOutputHelper output)
{
    private const int Repetitions = 5;

    [Fact]
    public async Task AotAndJitBootstraps_AnswerTheFirstInvocation_AndReportColdStartAndMemory()
    {
        var aot = new List<ColdStart>();
        var jit = new List<ColdStart>();
        for (var i = 0; i < Repetitions; i++)
        {
            aot.Add(await MeasureAsync(bootstrap.Path));
            jit.Add(await MeasureAsync(RepositoryPaths.JitBootstrap));
        }

        output.WriteLine(ColdStart.Summary("AOT", aot));
        output.WriteLine(ColdStart.Summary("JIT", jit));
        Assert.All(aot.Concat(jit), m => Assert.True(m.PeakMemoryKib > 0));
    }

    private static async Task<ColdStart> MeasureAsync(string executable)
    {
        await using var api = FakeRuntimeApi.Start();
        var requestId = api.Enqueue(SqsEvents.Json([.. Enumerable.Range(0, 10)
            .Select(i => ("w" + i, SqsEvents.WorkoutBody(SqsEvents.Workout("workout-" + i, "user-" + (i % 3)))))]));
        using var process = BootstrapProcess.Start(executable, api.Address, Variables.Embedded("writes"));

        var post = await api.WaitForResultAsync(requestId, TimeSpan.FromSeconds(60));

        Assert.Equal(RuntimePostKind.Response, post.Kind);
        return ColdStart.Of(process, post);
    }
}
