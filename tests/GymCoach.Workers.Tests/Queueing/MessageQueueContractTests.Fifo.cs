using System.Numerics;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Queueing;

/// <summary>The FIFO part of the <see cref="Contracts.Queueing.IMessageQueue"/> contract.</summary>
public abstract partial class MessageQueueContractTests
{
    [Fact]
    public async Task Fifo_DeliversEachGroupInSendOrder()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("order", fifo: true), LongVisibility, null, None);
        await queue.SendBatchAsync(
        [
            QueueSamples.FifoMessage("A1", "A"), QueueSamples.FifoMessage("B1", "B"), QueueSamples.FifoMessage("A2", "A"),
            QueueSamples.FifoMessage("B2", "B"), QueueSamples.FifoMessage("A3", "A"),
        ], None);

        var received = await queue.DrainAsync(5, Patience);

        Assert.Equal(["A1", "A2", "A3"], received.Where(message => message.MessageGroupId == "A").Select(message => message.Body));
        Assert.Equal(["B1", "B2"], received.Where(message => message.MessageGroupId == "B").Select(message => message.Body));
    }

    [Fact]
    public async Task Fifo_HoldsBackAGroupWhileOneOfItsMessagesIsInFlight_ButNotOtherGroups()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("inflight", fifo: true), LongVisibility, null, None);
        await queue.SendBatchAsync([QueueSamples.FifoMessage("A1", "A"), QueueSamples.FifoMessage("A2", "A")], None);
        var a1 = Assert.Single(await queue.ReceiveWithinAsync(Patience, maxMessages: 1));
        Assert.Equal("A1", a1.Body);

        await queue.SendBatchAsync([QueueSamples.FifoMessage("B1", "B")], None);
        var whileA1InFlight = await queue.ReceiveWithinAsync(Patience);
        Assert.Equal("B1", Assert.Single(whileA1InFlight).Body);

        await queue.DeleteBatchAsync([a1.ReceiptHandle!], None);
        Assert.Equal("A2", Assert.Single(await queue.ReceiveWithinAsync(Patience)).Body);
    }

    [Fact]
    public async Task Fifo_DuplicateWithinTheWindow_SucceedsWithTheOriginalId_AndIsDeliveredOnce()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("dedup", fifo: true), LongVisibility, null, None);

        var original = Assert.Single(await queue.SendBatchAsync([QueueSamples.FifoMessage("first", "A", "dedup-1")], None));
        var duplicate = Assert.Single(await queue.SendBatchAsync([QueueSamples.FifoMessage("second", "A", "dedup-1")], None));

        Assert.True(original.Succeeded, original.Error);
        Assert.True(duplicate.Succeeded, duplicate.Error);
        Assert.Equal(original.MessageId, duplicate.MessageId);
        var message = Assert.Single(await queue.ReceiveWithinAsync(Patience));
        Assert.Equal("first", message.Body);
        await queue.DeleteBatchAsync([message.ReceiptHandle!], None);
        Assert.Equal(0, (await queue.CountsUntilAsync(counts => counts.Total == 0, Patience)).Total);
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
    }

    [Fact]
    public async Task Fifo_MessageWithoutGroup_FailsAsSenderFault()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("nogroup", fifo: true), LongVisibility, null, None);

        var outcomes = await queue.SendBatchAsync(
            [QueueSamples.FifoMessage("fine", "A"), QueueSamples.FifoMessage("orphan", "A") with { MessageGroupId = null }], None);

        Assert.True(outcomes[0].Succeeded, outcomes[0].Error);
        Assert.False(outcomes[1].Succeeded);
        Assert.True(outcomes[1].SenderFault);
    }

    [Fact]
    public async Task Fifo_MessagesCarryGroupDeduplicationIdAndIncreasingSequenceNumbers()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("attrs", fifo: true), LongVisibility, null, None);
        await queue.SendBatchAsync([QueueSamples.FifoMessage("one", "G", "d-1"), QueueSamples.FifoMessage("two", "G", "d-2")], None);

        var received = await queue.DrainAsync(2, Patience);

        Assert.Equal(["one", "two"], received.Select(message => message.Body));
        Assert.All(received, message => Assert.Equal("G", message.MessageGroupId));
        Assert.Equal(["d-1", "d-2"], received.Select(message => message.Attributes![SqsSystemAttributes.MessageDeduplicationId]));
        var sequence = received.Select(message => BigInteger.Parse(message.Attributes![SqsSystemAttributes.SequenceNumber], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(sequence[0] < sequence[1], $"Sequence numbers {sequence[0]} and {sequence[1]} are not increasing.");
        Assert.StartsWith("arn:aws:sqs:", received[0].EventSourceArn, StringComparison.Ordinal);
        Assert.EndsWith(".fifo", received[0].EventSourceArn, StringComparison.Ordinal);
    }
}
