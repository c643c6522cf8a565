using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Batching;

public sealed class FifoTests
{
    /// <summary>Groups A (4 messages), B (3) and C (2), interleaved as SQS would deliver them.</summary>
    private static SqsEvent Interleaved() => SqsEventBuilder.Fifo()
        .WithMessage("A-0", "A").WithMessage("B-0", "B").WithMessage("A-1", "A").WithMessage("C-0", "C")
        .WithMessage("B-1", "B").WithMessage("A-2", "A").WithMessage("C-1", "C").WithMessage("A-3", "A")
        .WithMessage("B-2", "B")
        .Build();

    private static List<string> HandledOf(ProcessorHarness harness, string group) =>
        [.. harness.Handler.HandleCalls.Where(id => id.StartsWith(group + "-", StringComparison.Ordinal))];

    [Fact]
    public async Task AfterAFailureInAGroup_TheRestOfThatGroupFailsUnstarted_AndOtherGroupsComplete()
    {
        var harness = new ProcessorHarness();
        harness.Handler.HandleFailures["A-1"] = new TimeoutException("throttled");

        var outcome = await harness.RunAsync(Interleaved());

        Assert.Equal(["A-1", "A-2", "A-3"], BatchAssert.FailedIds(outcome));
        Assert.Equal(["A-0", "A-1"], HandledOf(harness, "A"));
        Assert.Equal(["B-0", "B-1", "B-2"], HandledOf(harness, "B"));
        Assert.Equal(["C-0", "C-1"], HandledOf(harness, "C"));
        Assert.Equal(6, outcome.Succeeded);
        Assert.Equal(1, outcome.RetryFailed);
        Assert.Equal(2, outcome.NotStarted);
    }

    [Fact]
    public async Task EachGroup_IsHandledInEventOrder_ChunkByChunk()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 2, MaxConcurrentChunks = 3 });
        harness.Handler.OnHandle = async (_, _) => await Task.Yield();

        var outcome = await harness.RunAsync(Interleaved());

        Assert.Equal(["A-0", "A-1", "A-2", "A-3"], HandledOf(harness, "A"));
        Assert.Equal(["B-0", "B-1", "B-2"], HandledOf(harness, "B"));
        Assert.Equal(["C-0", "C-1"], HandledOf(harness, "C"));
        Assert.All(harness.Handler.Scopes, scope => Assert.Single(scope.Handled.Select(id => id[0]).Distinct()));
        Assert.Equal(5, harness.Handler.Scopes.Count);
        Assert.Equal(9, outcome.Succeeded);
    }

    [Fact]
    public async Task AFailure_StopsTheGroupsLaterChunksFromStarting()
    {
        var harness = new ProcessorHarness(new BatchProcessorOptions { ChunkSize = 2 });
        harness.Handler.HandleFailures["A-0"] = new TimeoutException("throttled");

        var outcome = await harness.RunAsync(Interleaved());

        Assert.Equal(["A-0"], HandledOf(harness, "A"));
        Assert.Equal(["A-0", "A-1", "A-2", "A-3"], BatchAssert.FailedIds(outcome));
        Assert.Equal(3, outcome.NotStarted);
        Assert.Equal(4, harness.Handler.Scopes.Count);
    }

    [Fact]
    public async Task DeadLetteredPoison_LetsTheGroupGoOn_AndKeepsItsGroup()
    {
        var harness = new ProcessorHarness();
        harness.Handler.HandleFailures["A-1"] = new PoisonMessageException("Unknown event version.");

        var outcome = await harness.RunAsync(Interleaved());

        Assert.Empty(outcome.Response.BatchItemFailures);
        Assert.Equal(["A-0", "A-1", "A-2", "A-3"], HandledOf(harness, "A"));
        var sent = Assert.Single(harness.DeadLetterQueue.Sent);
        Assert.Equal("A", sent.MessageGroupId);
        Assert.Equal("A-1", sent.DeduplicationId);
        Assert.Equal(SqsEventBuilder.FifoQueueName, sent.Attributes![MessageAttributeNames.SourceQueue]);
    }

    [Fact]
    public async Task WhenCompletionFailsAMessage_TheGroupsLaterMessagesAreRetriedToo()
    {
        var harness = new ProcessorHarness();
        harness.Handler.CompletionFailures["A-1"] = new TimeoutException("throttled");

        var outcome = await harness.RunAsync(Interleaved());

        Assert.Equal(["A-1", "A-2", "A-3"], BatchAssert.FailedIds(outcome));
        Assert.Equal(3, outcome.RetryFailed);
        Assert.Equal(6, outcome.Succeeded);
    }

    [Fact]
    public async Task WhenDeadLetteringFails_TheGroupsLaterMessagesAreRetried()
    {
        var harness = new ProcessorHarness();
        harness.Handler.HandleFailures["B-0"] = new PoisonMessageException("poison");
        harness.DeadLetterQueue.FailEntry = _ => "KmsThrottled";

        var outcome = await harness.RunAsync(Interleaved());

        Assert.Equal(["B-0", "B-1", "B-2"], BatchAssert.FailedIds(outcome));
        Assert.Equal(0, outcome.DeadLettered);
    }

    [Fact]
    public async Task AStandardQueue_IgnoresGroups_AndGoesOnAfterAFailure()
    {
        var harness = new ProcessorHarness();
        var sqsEvent = SqsEventBuilder.Standard().WithMessage("A-0", "A").WithMessage("A-1", "A").WithMessage("A-2", "A").Build();
        harness.Handler.HandleFailures["A-0"] = new TimeoutException("throttled");

        var outcome = await harness.RunAsync(sqsEvent);

        Assert.Equal(["A-0"], BatchAssert.FailedIds(outcome));
        Assert.Equal(2, outcome.Succeeded);
    }
}
