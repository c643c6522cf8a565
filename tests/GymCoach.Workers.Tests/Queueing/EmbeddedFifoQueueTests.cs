using GymCoach.Contracts.Lambda;
using GymCoach.Embedded.Queueing;
using GymCoach.Workers.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GymCoach.Workers.Tests.Queueing;

/// <summary>Embedded-only FIFO behaviour of <see cref="EmbeddedQueue"/> on a stepped clock.</summary>
public sealed class EmbeddedFifoQueueTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task MessageVisibleAgain_IsRedeliveredBeforeTheLaterMessagesOfItsGroup()
    {
        var queue = Queue();
        await queue.SendBatchAsync([QueueSamples.FifoMessage("A1", "A"), QueueSamples.FifoMessage("A2", "A")], None);
        Assert.Equal("A1", Assert.Single(await queue.ReceiveAsync(1, TimeSpan.Zero, None)).Body);

        _clock.Advance(TimeSpan.FromSeconds(30));
        var again = await queue.ReceiveAsync(10, TimeSpan.Zero, None);

        Assert.Equal(["A1", "A2"], again.Select(message => message.Body));
        Assert.Equal([2, 1], again.Select(message => message.ApproximateReceiveCount));
    }

    [Fact]
    public async Task GroupStaysBlocked_UntilEveryMessageOfAReceiveIsDeletedOrVisibleAgain()
    {
        var queue = Queue();
        await queue.SendBatchAsync([QueueSamples.FifoMessage("A1", "A"), QueueSamples.FifoMessage("A2", "A")], None);
        var batch = await queue.ReceiveAsync(2, TimeSpan.Zero, None);
        await queue.SendBatchAsync([QueueSamples.FifoMessage("A3", "A")], None);

        await queue.DeleteBatchAsync([batch[0].ReceiptHandle!], None);
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        await queue.ChangeVisibilityAsync(batch[1].ReceiptHandle!, TimeSpan.Zero, None);

        Assert.Equal(["A2", "A3"], (await queue.ReceiveAsync(10, TimeSpan.Zero, None)).Select(message => message.Body));
    }

    [Fact]
    public async Task DeduplicationId_IsForgottenAfterFiveMinutes()
    {
        var queue = Queue();
        var first = Assert.Single(await queue.SendBatchAsync([QueueSamples.FifoMessage("one", "A", "same")], None));
        _clock.Advance(TimeSpan.FromMinutes(4.9));
        var duplicate = Assert.Single(await queue.SendBatchAsync([QueueSamples.FifoMessage("two", "A", "same")], None));
        _clock.Advance(TimeSpan.FromMinutes(0.1));

        var later = Assert.Single(await queue.SendBatchAsync([QueueSamples.FifoMessage("three", "A", "same")], None));

        Assert.Equal(first.MessageId, duplicate.MessageId);
        Assert.NotEqual(first.MessageId, later.MessageId);
        Assert.Equal(2, (await queue.GetCountsAsync(None)).Visible);
    }

    [Fact]
    public async Task ContentBasedDeduplication_DeduplicatesEqualBodies()
    {
        var queue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "content.fifo", ContentBasedDeduplication = true }, _clock);

        var outcomes = await queue.SendBatchAsync(
        [
            new() { Body = "same", MessageGroupId = "A" }, new() { Body = "same", MessageGroupId = "B" }, new() { Body = "other", MessageGroupId = "A" },
        ], None);

        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, outcome.Error));
        Assert.Equal(outcomes[0].MessageId, outcomes[1].MessageId);
        Assert.Equal(2, (await queue.GetCountsAsync(None)).Visible);
    }

    [Fact]
    public async Task MissingDeduplicationId_WithoutContentBasedDeduplication_FailsItsEntry()
    {
        var queue = Queue();

        var outcome = Assert.Single(await queue.SendBatchAsync([new() { Body = "b", MessageGroupId = "A" }], None));

        Assert.True(outcome is { Succeeded: false, SenderFault: true });
    }

    [Fact]
    public async Task PerMessageDelay_IsNotValidOnAFifoQueue()
    {
        var queue = Queue();

        var outcome = Assert.Single(await queue.SendBatchAsync([QueueSamples.FifoMessage("b", "A") with { Delay = TimeSpan.FromSeconds(1) }], None));

        Assert.True(outcome is { Succeeded: false, SenderFault: true });
    }

    [Fact]
    public async Task Redrive_OfAGroupsHead_LetsTheRestOfTheGroupThrough()
    {
        var deadLetters = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "orders-dlq.fifo" }, _clock);
        var queue = new EmbeddedQueue(
            new EmbeddedQueueOptions { Name = "orders.fifo", MaxReceiveCount = 1, DeadLetterQueue = deadLetters, VisibilityTimeout = TimeSpan.FromSeconds(5) }, _clock);
        await queue.SendBatchAsync([QueueSamples.FifoMessage("A1", "A"), QueueSamples.FifoMessage("A2", "A")], None);
        Assert.Equal("A1", Assert.Single(await queue.ReceiveAsync(1, TimeSpan.Zero, None)).Body);
        _clock.Advance(TimeSpan.FromSeconds(5));

        var next = await queue.ReceiveAsync(10, TimeSpan.Zero, None);

        Assert.Equal("A2", Assert.Single(next).Body);
        var moved = Assert.Single(await deadLetters.ReceiveAsync(10, TimeSpan.Zero, None));
        Assert.Equal(("A1", "A"), (moved.Body, moved.MessageGroupId));
        Assert.NotNull(moved.Attributes![SqsSystemAttributes.SequenceNumber]);
    }

    private EmbeddedQueue Queue() => new(new EmbeddedQueueOptions { Name = "orders.fifo" }, _clock);
}
