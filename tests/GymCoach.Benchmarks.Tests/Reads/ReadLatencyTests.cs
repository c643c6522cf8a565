using GymCoach.Benchmarks.Reads;

namespace GymCoach.Benchmarks.Tests.Reads;

/// <summary>The <c>read-latency</c> command runs end to end on a small workload; its figures are not asserted, as they depend on the machine.</summary>
[Trait("Category", "Slow")]
public sealed class ReadLatencyTests
{
    [Fact]
    public async Task ASmallRun_MeasuresBothPolicies_AndSucceeds()
    {
        using var output = new StringWriter();

        var exitCode = await ReadLatency.RunAsync(["--rate", "200", "--seconds", "1", "--warmup", "1", "--users", "300", "--cache-capacity", "100", "--workouts-per-user", "3"], output);

        var report = output.ToString();
        Assert.True(exitCode == 0, report);
        Assert.Contains("200 requests/s for 1 s", report, StringComparison.Ordinal);
        Assert.Contains("LRU", report, StringComparison.Ordinal);
        Assert.Contains("LFU", report, StringComparison.Ordinal);
        Assert.Contains("200 (0)", report, StringComparison.Ordinal);
        Assert.Contains("best possible (top 100 share)", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOption_IsABadArgument()
    {
        using var output = new StringWriter();

        Assert.Equal(2, await ReadLatency.RunAsync(["--rate", "fast"], output));
    }
}
