using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Batching;

public sealed class PartialFailureTests
{
    private static string Id(int number) => SqsEventBuilder.IdOf(number);

    [Fact]
    public async Task WhenHandlersThrow_ExactlyThoseMessagesAreReported()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 10 });
        harness.Handler.HandleFailures[Id(2)] = new TimeoutException("throttled");
        harness.Handler.HandleFailures[Id(17)] = new InvalidOperationException("store unavailable");

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(30));

        Assert.Equal([Id(2), Id(17)], BatchAssert.FailedIds(outcome));
        Assert.Equal(28, outcome.Succeeded);
        Assert.Equal(2, outcome.RetryFailed);
        Assert.Equal(30, harness.Handler.HandleCalls.Count);
        Assert.Equal([Id(2), Id(17)], harness.Observer.MessageFailures.Select(f => f.MessageId).Order(StringComparer.Ordinal));
        Assert.All(harness.Observer.MessageFailures, f => Assert.False(f.Poison));
    }

    [Fact]
    public async Task WhenCompletionFailsSomeMessages_ThoseAreReported_AndTheRestSucceed()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 10 });
        harness.Handler.CompletionFailures[Id(4)] = new TimeoutException("conditional write throttled");
        harness.Handler.CompletionFailures[Id(11)] = new TimeoutException("conditional write throttled");

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(20));

        Assert.Equal([Id(4), Id(11)], BatchAssert.FailedIds(outcome));
        Assert.Equal(18, outcome.Succeeded);
        Assert.Contains(harness.Observer.Chunks, c => c is { ChunkIndex: 0, Size: 10, Failed: 1 });
    }

    [Fact]
    public async Task WhenOneChunkFails_OtherChunksStillSucceed()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 10 });
        harness.Handler.CompleteThrowsWhenHandled.Add(Id(15));
        harness.Handler.HandleFailures[Id(12)] = new TimeoutException("throttled");

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(30));

        Assert.Equal(Enumerable.Range(10, 10).Select(Id), BatchAssert.FailedIds(outcome));
        Assert.Equal(20, outcome.Succeeded);
        Assert.Equal(10, outcome.RetryFailed);
        Assert.Contains(harness.Observer.Chunks, c => c is { ChunkIndex: 1, Failed: 10 });
    }

    [Fact]
    public async Task WhenBeginChunkThrows_EveryMessageIsReported_AndNothingThrows()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 10 });
        harness.Handler.BeginChunkThrows = new InvalidOperationException("no connection");

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(25));

        Assert.Equal(25, outcome.RetryFailed);
        Assert.Equal(Enumerable.Range(0, 25).Select(Id), BatchAssert.FailedIds(outcome));
    }

    [Fact]
    public async Task AHandlerThatCancelsItself_IsATransientFailure_NotAnAbortedBatch()
    {
        var harness = new ProcessorHarness();
        harness.Handler.HandleFailures[Id(1)] = new OperationCanceledException("HTTP client timeout");

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(3));

        Assert.Equal([Id(1)], BatchAssert.FailedIds(outcome));
        Assert.Equal(2, outcome.Succeeded);
    }

    [Fact]
    public async Task TheResponse_NeverListsDuplicateIds()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 2 });
        var sqsEvent = SqsEventBuilder.Standard()
            .WithMessage("dup")
            .WithMessage("dup")
            .WithMessage("ok")
            .Build();
        harness.Handler.HandleFailures["dup"] = new TimeoutException("throttled");

        var outcome = await harness.RunAsync(sqsEvent);

        Assert.Equal(["dup"], BatchAssert.FailedIds(outcome));
        Assert.Equal(1, outcome.Succeeded);
        Assert.Equal(2, outcome.RetryFailed);
    }

    [Fact]
    public async Task AFailureReportedForAnIdOutsideTheChunk_IsIgnored()
    {
        var harness = new ProcessorHarness();
        var ghost = new SqsMessage { MessageId = "ghost", Body = "{}" };
        harness.Handler.OnComplete = completion => completion.Fail(ghost, new TimeoutException("unknown"));

        var outcome = await harness.RunAsync(SqsEventBuilder.StandardEvent(3));

        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Equal(3, outcome.Succeeded);
    }
}
