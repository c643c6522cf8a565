using GymCoach.Cli.Backends;
using GymCoach.Cli.Hosting;
using GymCoach.Cli.Reports.Live;
using GymCoach.Workers.Caching;

namespace GymCoach.Cli.Tests.Reports;

public sealed class PipelineSamplerTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-sampler-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task TheWindow_KeepsOnlyTheNewestSamples_OldestFirst()
    {
        await using var backend = await EmbeddedBackend.OpenAsync(_state, StateAccess.Write, "test", CancellationToken.None);
        var pipeline = await LocalPipeline.CreateAsync(backend, new PipelineSettings(), TimeProvider.System, Serilog.Core.Logger.None);
        var sampler = new PipelineSampler(pipeline, backend, new AnalyticsCache(new CacheOptions()), TimeProvider.System, window: TimeSpan.FromSeconds(3));

        var taken = new List<PipelineSample>();
        for (var i = 0; i < 5; i++)
        {
            taken.Add(await sampler.SampleAsync(CancellationToken.None));
        }

        var snapshot = sampler.Snapshot();
        Assert.Equal(taken[2..], snapshot.Samples);
        Assert.Same(taken[^1], sampler.Latest);
        Assert.Equal("embedded", snapshot.Source);
        Assert.Null(snapshot.Summary.CacheHitRate);
    }

    [Fact]
    public void TheSnapshotJson_IsSafeInsideAScriptElement()
    {
        var snapshot = new PipelineSnapshot
        {
            Source = "</script><script>alert(1)</script>",
            IntervalSeconds = 1,
            Samples = [],
            Summary = new PipelineSummary
            {
                UptimeSeconds = 1, WritesProcessed = 0, RecomputesProcessed = 0, Failed = 0, Retried = 0, DeadLetters = 0,
                AverageThroughput = 0, PeakThroughput = 0, QueueLagP50Ms = 0, QueueLagP95Ms = 0, QueueLagP99Ms = 0, InvocationP99Ms = 0,
            },
        };

        var page = DashboardPage.Report(snapshot);

        Assert.DoesNotContain("</script><script>alert", page, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", page, StringComparison.Ordinal);
    }

    [Fact]
    public void RunProgress_ShowsProcessedFailedDlqAndRate()
    {
        var summary = new PipelineSummary
        {
            UptimeSeconds = 10, WritesProcessed = 12_345, RecomputesProcessed = 300, Failed = 7, Retried = 7, DeadLetters = 2,
            AverageThroughput = 1234.5, PeakThroughput = 2000, QueueLagP50Ms = 1, QueueLagP95Ms = 2, QueueLagP99Ms = 3, InvocationP99Ms = 4,
        };
        var latest = new PipelineSample
        {
            Time = 0, WritesPerSecond = 1500, RecomputesPerSecond = 10, FailuresPerSecond = 0, DeadLetters = 2, WritesQueueDepth = 40,
            AnalyticsQueueDepth = 2, OldestMessageMs = 0, QueueLagP50Ms = 0, QueueLagP95Ms = 0, QueueLagP99Ms = 0, InvocationP50Ms = 0,
            InvocationP95Ms = 0, InvocationP99Ms = 0,
        };

        Assert.Equal(
            "processed 12,345 | recomputes 300 | failed 7 | DLQ 2 | queued 42 | 1,500 msg/s",
            RunProgress.Describe(summary, latest));
    }
}
