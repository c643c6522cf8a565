using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Batching;

public sealed class CancellationTests
{
    private static string Id(int number) => SqsEventBuilder.IdOf(number);

    [Fact]
    public async Task WhenTheCallerCancels_ProcessingStops_AndEverythingNotSucceededIsReported()
    {
        using var cancellation = new CancellationTokenSource();
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 10, MaxConcurrentChunks = 1 });
        harness.Handler.OnHandle = async (message, _) =>
        {
            if (message.MessageId == Id(12))
            {
                await cancellation.CancelAsync();
            }
        };

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(30), cancellationToken: cancellation.Token);

        Assert.Equal(10, outcome.Succeeded);
        Assert.Equal(3, outcome.RetryFailed);
        Assert.Equal(17, outcome.NotStarted);
        Assert.Equal(Enumerable.Range(10, 20).Select(Id), BatchAssert.FailedIds(outcome));
        Assert.Equal(Enumerable.Range(0, 13).Select(Id), harness.Handler.HandleCalls);
    }

    [Fact]
    public async Task AnAlreadyCancelledToken_StartsNothing_AndDoesNotThrow()
    {
        var harness = new ProcessorHarness();

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(120), cancellationToken: new CancellationToken(canceled: true));

        Assert.Empty(harness.Handler.Scopes);
        Assert.Equal(120, outcome.NotStarted);
    }
}
