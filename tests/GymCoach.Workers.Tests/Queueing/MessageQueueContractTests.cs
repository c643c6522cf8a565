using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Queueing;

/// <summary>
/// The <see cref="IMessageQueue"/> contract, run against every backend (embedded, emulated, real). Real time with
/// short timeouts, since emulators have no fake clock; effects that may lag on a real service are polled for.
/// </summary>
public abstract partial class MessageQueueContractTests
{
    protected static readonly TimeSpan ShortVisibility = TimeSpan.FromSeconds(1);
    protected static readonly TimeSpan LongVisibility = TimeSpan.FromSeconds(30);

    /// <summary>How long an expected effect may take to show before the test fails.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Creates a queue (FIFO when the name ends in <c>.fifo</c>); with <paramref name="maxReceiveCount"/>, also its dead-letter queue.</summary>
    protected abstract Task<IMessageQueue> CreateQueueAsync(string name, TimeSpan visibilityTimeout, int? maxReceiveCount, CancellationToken cancellationToken);

    /// <summary>The dead-letter queue created with <paramref name="queue"/>.</summary>
    protected abstract IMessageQueue GetDeadLetterQueue(IMessageQueue queue);

    /// <summary>Whether DeleteMessageBatch lists a malformed receipt handle as failed (SQS: <c>ReceiptHandleIsInvalid</c>, a sender fault).</summary>
    /// <remarks>Only an emulator that reports success for it (fauxqs 1.9.2) overrides this, and only that one assertion is skipped.</remarks>
    protected virtual bool ReportsInvalidReceiptHandlesOnDelete => true;

    [Fact]
    public async Task SentMessage_IsReceivedWithItsBodyAttributesAndSqsMetadata()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("roundtrip"), LongVisibility, null, None);
        const string body = "{\"workout\":\"squats ✓\"}";
        var sentAfter = DateTimeOffset.UtcNow;

        var outcome = Assert.Single(await queue.SendBatchAsync(
            [QueueSamples.Message(body, new Dictionary<string, string> { [MessageAttributeNames.CorrelationId] = "corr-1" })], None));

        Assert.True(outcome.Succeeded, outcome.Error);
        var message = Assert.Single(await queue.ReceiveWithinAsync(Patience));
        Assert.Equal(outcome.MessageId, message.MessageId);
        Assert.Equal(body, message.Body);
        Assert.Equal(Md5Hex(body), message.Md5OfBody);
        Assert.Equal("corr-1", message.GetStringAttribute(MessageAttributeNames.CorrelationId));
        Assert.Equal("String", message.MessageAttributes![MessageAttributeNames.CorrelationId].DataType);
        Assert.Equal("aws:sqs", message.EventSource);
        Assert.Equal(queue.Arn, message.EventSourceArn);
        Assert.StartsWith("arn:aws:sqs:", queue.Arn, StringComparison.Ordinal);
        Assert.EndsWith(":" + queue.Name, queue.Arn, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(message.AwsRegion));
        Assert.False(string.IsNullOrEmpty(message.ReceiptHandle));
        Assert.Equal(1, message.ApproximateReceiveCount);
        Assert.InRange(message.SentAt!.Value, sentAfter.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.False(string.IsNullOrEmpty(message.Attributes![SqsSystemAttributes.SenderId]));
        Assert.True(long.TryParse(message.Attributes[SqsSystemAttributes.ApproximateFirstReceiveTimestamp], out _));
    }

    [Fact]
    public async Task BatchOfTen_ReportsOneOutcomePerEntry_InOrder()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("batch"), LongVisibility, null, None);
        var messages = QueueSamples.Messages(10);

        var outcomes = await queue.SendBatchAsync(messages, None);

        Assert.Equal(10, outcomes.Count);
        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, outcome.Error));
        Assert.Equal(10, outcomes.Select(outcome => outcome.MessageId).Distinct().Count());
        var received = await queue.DrainAsync(10, Patience);
        var expected = messages.Select((message, i) => (outcomes[i].MessageId, message.Body)).OrderBy(pair => pair.MessageId);
        Assert.Equal(expected, received.Select(message => ((string?)message.MessageId, message.Body)).OrderBy(pair => pair.Item1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task SendBatch_OutsideOneToTenEntries_IsRejected(int count)
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("limits"), LongVisibility, null, None);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => queue.SendBatchAsync(QueueSamples.Messages(count), None));
    }

    [Fact]
    public async Task BatchWithAnEntryOverOneMebibyte_IsRejectedAsAWhole()
    {
        // SQS limits the sum of all entries of one request to 1 MiB, so a single oversized entry fails the whole
        // request (BatchRequestTooLong) instead of only its entry.
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("oversized"), LongVisibility, null, None);

        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => queue.SendBatchAsync([QueueSamples.Message("small"), QueueSamples.Message(new string('x', (1024 * 1024) + 1))], None));

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
    }

    [Fact]
    public async Task InvalidCharacters_FailOnlyTheirEntry_AsSenderFault()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("invalid"), LongVisibility, null, None);

        var outcomes = await queue.SendBatchAsync([QueueSamples.Message("fine"), QueueSamples.Message("bell \u0007")], None);

        Assert.True(outcomes[0].Succeeded, outcomes[0].Error);
        Assert.False(outcomes[1].Succeeded);
        Assert.True(outcomes[1].SenderFault);
        Assert.False(string.IsNullOrWhiteSpace(outcomes[1].Error));
        Assert.Equal("fine", Assert.Single(await queue.DrainAsync(1, Patience)).Body);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(11, 0)]
    [InlineData(1, 21)]
    public async Task Receive_OutsideSqsLimits_IsRejected(int maxMessages, int waitSeconds)
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("limits"), LongVisibility, null, None);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => queue.ReceiveAsync(maxMessages, TimeSpan.FromSeconds(waitSeconds), None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task DeleteBatch_OutsideOneToTenHandles_IsRejected(int count)
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("limits"), LongVisibility, null, None);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => queue.DeleteBatchAsync([.. Enumerable.Repeat("handle", count)], None));
    }

    [Fact]
    public async Task TheQueue_ReportsTheVisibilityTimeoutItWasCreatedWith()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("attributes"), LongVisibility, null, None);

        Assert.Equal(LongVisibility, await queue.GetVisibilityTimeoutAsync(None));
    }

    [Fact]
    public async Task ReceivedMessage_StaysHiddenForTheVisibilityTimeout_ThenReturnsWithReceiveCountTwo()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("visibility"), ShortVisibility, null, None);
        await queue.SendBatchAsync([QueueSamples.Message("again")], None);
        var first = Assert.Single(await queue.ReceiveWithinAsync(Patience));
        var hiddenSince = Stopwatch.StartNew();

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        var second = Assert.Single(await queue.ReceiveWithinAsync(Patience));

        Assert.True(hiddenSince.Elapsed >= ShortVisibility * 0.8, $"Came back after {hiddenSince.Elapsed}.");
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.ApproximateReceiveCount);
        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
    }

    [Fact]
    public async Task DeletedMessage_LeavesTheQueue()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("delete"), LongVisibility, null, None);
        await queue.SendBatchAsync([QueueSamples.Message("done")], None);
        var message = Assert.Single(await queue.ReceiveWithinAsync(Patience));

        var failed = await queue.DeleteBatchAsync([message.ReceiptHandle!], None);

        Assert.Empty(failed);
        var counts = await queue.CountsUntilAsync(counts => counts.Total == 0, Patience);
        Assert.Equal(0, counts.Total);
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
    }

    [Fact]
    public async Task DeleteBatch_ReportsAnInvalidHandle_AndStillDeletesTheOthers()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("badelete"), LongVisibility, null, None);
        await queue.SendBatchAsync([QueueSamples.Message("done")], None);
        var message = Assert.Single(await queue.ReceiveWithinAsync(Patience));

        var failed = await queue.DeleteBatchAsync([message.ReceiptHandle!, "not-a-receipt-handle"], None);

        if (ReportsInvalidReceiptHandlesOnDelete)
        {
            Assert.Equal(["not-a-receipt-handle"], failed);
        }

        Assert.Equal(0, (await queue.CountsUntilAsync(counts => counts.Total == 0, Patience)).Total);
    }

    [Fact]
    public async Task ChangingVisibilityToZero_MakesTheMessageReceivableAtOnce()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("release"), LongVisibility, null, None);
        await queue.SendBatchAsync([QueueSamples.Message("retry me")], None);
        var first = Assert.Single(await queue.ReceiveWithinAsync(Patience));
        var released = Stopwatch.StartNew();

        await queue.ChangeVisibilityAsync(first.ReceiptHandle!, TimeSpan.Zero, None);
        var second = Assert.Single(await queue.ReceiveWithinAsync(Patience));

        Assert.True(released.Elapsed < TimeSpan.FromSeconds(5), $"Took {released.Elapsed}.");
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.ApproximateReceiveCount);
    }

    [Fact]
    public async Task ChangingVisibility_WithAnUnknownReceiptHandle_Throws()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("badhandle"), LongVisibility, null, None);

        await Assert.ThrowsAnyAsync<Exception>(() => queue.ChangeVisibilityAsync("not-a-receipt-handle", TimeSpan.Zero, None));
    }

    [Fact]
    public async Task StaleReceiptHandle_DoesNotDeleteTheRedeliveredMessage()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("stale"), LongVisibility, null, None);
        await queue.SendBatchAsync([QueueSamples.Message("twice")], None);
        var first = Assert.Single(await queue.ReceiveWithinAsync(Patience));
        await queue.ChangeVisibilityAsync(first.ReceiptHandle!, TimeSpan.Zero, None);
        var second = Assert.Single(await queue.ReceiveWithinAsync(Patience));

        await queue.DeleteBatchAsync([first.ReceiptHandle!], None);

        await queue.ChangeVisibilityAsync(second.ReceiptHandle!, TimeSpan.Zero, None);
        var third = Assert.Single(await queue.ReceiveWithinAsync(Patience));
        Assert.Equal(first.MessageId, third.MessageId);
        Assert.Equal(3, third.ApproximateReceiveCount);
    }

    [Fact]
    public async Task MessageReceivedMaxReceiveCountTimes_MovesToTheDeadLetterQueue_WithItsBodyAndAttributes()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("redrive"), LongVisibility, maxReceiveCount: 2, None);
        var deadLetters = GetDeadLetterQueue(queue);
        var attributes = new Dictionary<string, string> { [MessageAttributeNames.CorrelationId] = "corr-poison" };
        var sent = Assert.Single(await queue.SendBatchAsync([QueueSamples.Message("poison", attributes)], None));
        for (var receive = 1; receive <= 2; receive++)
        {
            var message = Assert.Single(await queue.ReceiveWithinAsync(Patience));
            Assert.Equal(receive, message.ApproximateReceiveCount);
            await queue.ChangeVisibilityAsync(message.ReceiptHandle!, TimeSpan.Zero, None);
        }

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));

        var deadLetter = Assert.Single(await deadLetters.ReceiveWithinAsync(Patience));
        Assert.Equal(sent.MessageId, deadLetter.MessageId);
        Assert.Equal("poison", deadLetter.Body);
        Assert.Equal("corr-poison", deadLetter.GetStringAttribute(MessageAttributeNames.CorrelationId));
        Assert.Equal(deadLetters.Arn, deadLetter.EventSourceArn);
        Assert.Equal(0, (await queue.CountsUntilAsync(counts => counts.Total == 0, Patience)).Total);
    }

    [Fact]
    public async Task LongPoll_ReturnsAsSoonAsAMessageIsSent()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("longpoll"), LongVisibility, null, None);
        var receiving = queue.ReceiveAsync(10, TimeSpan.FromSeconds(10), None);
        await Task.Delay(300);
        Assert.False(receiving.IsCompleted);

        var sentAt = Stopwatch.StartNew();
        await queue.SendBatchAsync([QueueSamples.Message("wake up")], None);
        var messages = await receiving;

        Assert.True(sentAt.Elapsed < TimeSpan.FromSeconds(3), $"Returned {sentAt.Elapsed} after the send.");
        Assert.Equal("wake up", Assert.Single(messages).Body);
    }

    [Fact]
    public async Task LongPoll_ReturnsEmptyWhenNothingArrivesInTime()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("longpoll"), LongVisibility, null, None);
        var waited = Stopwatch.StartNew();

        var messages = await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), None);

        Assert.Empty(messages);
        Assert.InRange(waited.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Counts_ReportVisibleInFlightAndDelayedMessages()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("counts"), LongVisibility, null, None);
        await queue.SendBatchAsync(
            [QueueSamples.Message("a"), QueueSamples.Message("b"), QueueSamples.Message("later") with { Delay = TimeSpan.FromSeconds(30) }], None);
        Assert.Single(await queue.ReceiveWithinAsync(Patience, maxMessages: 1));

        var counts = await queue.CountsUntilAsync(counts => counts is { Visible: 1, InFlight: 1, Delayed: 1 }, Patience);

        Assert.Equal((1L, 1L, 1L), (counts.Visible, counts.InFlight, counts.Delayed));
        Assert.Equal(3, counts.Total);
        Assert.True(counts.OldestMessageAge is null || counts.OldestMessageAge >= TimeSpan.Zero);
    }

    [SuppressMessage("Security", "CA5351", Justification = "SQS's md5OfBody is MD5.")]
    protected static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
