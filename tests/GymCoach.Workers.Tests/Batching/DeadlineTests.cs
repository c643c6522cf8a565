using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Batching;

public sealed class DeadlineTests
{
    private static string Id(int number) => SqsEventBuilder.IdOf(number);

    [Fact]
    public async Task NearTheDeadline_NoMessageStarts_AndTheUnstartedAreReported()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { MaxConcurrentChunks = 1, DeadlineSafetyMargin = TimeSpan.FromSeconds(3) });
        harness.Handler.OnHandle = (_, _) =>
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            return ValueTask.CompletedTask;
        };

        // Messages start at 0 s, 1 s, … and may start up to 7 s: 10 s to the deadline minus the 3 s margin.
        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(20), timeLeft: TimeSpan.FromSeconds(10));

        Assert.Equal(8, outcome.Succeeded);
        Assert.Equal(12, outcome.NotStarted);
        Assert.Equal(Enumerable.Range(8, 12).Select(Id), BatchAssert.FailedIds(outcome));
        Assert.Equal(Enumerable.Range(0, 8).Select(Id), harness.Handler.HandleCalls);
    }

    [Fact]
    public async Task LaterChunks_DoNotOpenAScopeOnceTheDeadlineIsNear()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 5, MaxConcurrentChunks = 1 });
        harness.Handler.OnHandle = (_, _) =>
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            return ValueTask.CompletedTask;
        };

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(20), timeLeft: TimeSpan.FromSeconds(8));

        Assert.Equal(6, outcome.Succeeded);
        Assert.Equal(2, harness.Handler.Scopes.Count);
    }

    [Fact]
    public async Task WithLessThanTheMarginLeft_NothingStarts()
    {
        var harness = new ProcessorHarness();

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(250), timeLeft: TimeSpan.FromSeconds(2));

        Assert.Empty(harness.Handler.Scopes);
        Assert.Equal(250, outcome.NotStarted);
        Assert.Equal(250, outcome.Response.BatchItemFailures.Count);
    }

    [Fact]
    public async Task HandlersToken_IsCancelledAtHalfTheMarginBeforeTheDeadline()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { DeadlineSafetyMargin = TimeSpan.FromSeconds(4) });
        var cancelledAt = new List<bool>();
        harness.Handler.OnHandle = (_, cancellationToken) =>
        {
            harness.Time.Advance(TimeSpan.FromSeconds(3));
            cancelledAt.Add(cancellationToken.IsCancellationRequested);
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.CompletedTask;
        };

        // Starts at 0 s and 3 s (≤ 6 s), the token is cancelled at 8 s, during the third message, started at 6 s.
        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(5), timeLeft: TimeSpan.FromSeconds(10));

        Assert.Equal([false, false, true], cancelledAt);
        Assert.Equal([Id(0), Id(1), Id(2), Id(3), Id(4)], BatchAssert.FailedIds(outcome));
        Assert.Equal(3, outcome.RetryFailed);
        Assert.Equal(2, outcome.NotStarted);
    }

    [Fact]
    public async Task TheHandlersToken_IsCancelledOnceProcessingReturns()
    {
        var harness = new ProcessorHarness();

        await harness.RunAsync(SqsEventBuilder.StandardEvent(3));

        Assert.True(Assert.Single(harness.Handler.Scopes).HandleToken.IsCancellationRequested);
    }

    [Fact]
    public async Task NoDeadline_LetsEveryMessageStart()
    {
        var harness = new ProcessorHarness();

        var outcome = await harness.CreateProcessor().ProcessAsync(
            SqsEventBuilder.StandardEvent(10), harness.Handler, DateTimeOffset.MaxValue, CancellationToken.None);

        Assert.Equal(10, outcome.Succeeded);
    }
}
