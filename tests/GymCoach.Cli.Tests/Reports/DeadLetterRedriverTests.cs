using GymCoach.Cli.Reports;
using GymCoach.Cli.Tests.Support;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.Queueing;

namespace GymCoach.Cli.Tests.Reports;

public sealed class DeadLetterRedriverTests
{
    [Fact]
    public async Task ARedrive_MovesEveryMessage_WithItsBodyAndAttributes_MinusTheDeadLetterOnes()
    {
        var (source, deadLetters) = DeadLetterSamples.EmbeddedPair();
        await DeadLetterSamples.SendAsync(deadLetters, 23);
        var recording = new FilteringQueue(source);

        var result = await DeadLetterRedriver.RedriveAsync(deadLetters, recording, 1000, TimeSpan.Zero, CancellationToken.None);
        var moved = await ReceiveAllAsync(source);

        Assert.Equal((23, 23, 0, 0), (result.Received, result.Moved, result.SendFailed, result.DeleteFailed));
        Assert.True(result.Complete);
        Assert.Equal(0, (await deadLetters.GetCountsAsync(CancellationToken.None)).Total);
        Assert.All(recording.BatchSizes, size => Assert.InRange(size, 1, 10));
        Assert.Equal(23, moved.Count);
        var message = moved.Single(m => m.Body.Contains("\"evt-7\"", StringComparison.Ordinal));
        Assert.Equal(DeadLetterSamples.DeadLetter(7).Body, message.Body);
        Assert.Equal("corr-7", message.GetStringAttribute(MessageAttributeNames.CorrelationId));
        Assert.Null(message.GetStringAttribute(MessageAttributeNames.FailureReason));
        Assert.Null(message.GetStringAttribute(MessageAttributeNames.SourceQueue));
    }

    [Fact]
    public async Task EntriesTheSourceRefuses_StayInTheDeadLetterQueue_VisibleAgain_AndAreCountedOnce()
    {
        var (source, deadLetters) = DeadLetterSamples.EmbeddedPair();
        await DeadLetterSamples.SendAsync(deadLetters, 15);
        var refusing = new FilteringQueue(source) { Refuse = m => m.Body.Contains("\"n\":3}", StringComparison.Ordinal) || m.Body.Contains("\"n\":11}", StringComparison.Ordinal) };

        var result = await DeadLetterRedriver.RedriveAsync(deadLetters, refusing, 1000, TimeSpan.Zero, CancellationToken.None);
        var left = await DeadLetterPeek.PeekAsync(deadLetters, 100, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal((15, 13, 2, 0), (result.Received, result.Moved, result.SendFailed, result.DeleteFailed));
        Assert.Equal(["refused by the test"], result.Errors);
        Assert.False(result.Complete);
        Assert.Equal(["corr-11", "corr-3"], left.Select(m => m.GetStringAttribute(MessageAttributeNames.CorrelationId)).Order());
        Assert.Equal(13, (await source.GetCountsAsync(CancellationToken.None)).Visible);
    }

    [Fact]
    public async Task AnEntryTheSourceFailsOnce_IsSentAgain_AndMoved()
    {
        var (source, deadLetters) = DeadLetterSamples.EmbeddedPair();
        await DeadLetterSamples.SendAsync(deadLetters, 4);
        FilteringQueue? flaky = null;
        flaky = new FilteringQueue(source) { Refuse = m => m.Body.Contains("\"n\":2}", StringComparison.Ordinal) && flaky!.BatchSizes.Count == 1 };

        var result = await DeadLetterRedriver.RedriveAsync(deadLetters, flaky, 1000, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal((4, 4, 0), (result.Received, result.Moved, result.SendFailed));
        Assert.Equal([4, 1], flaky.BatchSizes);
        Assert.Equal(4, (await source.GetCountsAsync(CancellationToken.None)).Visible);
    }

    [Fact]
    public async Task AWholeFailedSend_LeavesTheBatchInTheDeadLetterQueue()
    {
        var (source, deadLetters) = DeadLetterSamples.EmbeddedPair();
        await DeadLetterSamples.SendAsync(deadLetters, 4);
        var failing = new FilteringQueue(source) { ThrowOnSend = true };

        var result = await DeadLetterRedriver.RedriveAsync(deadLetters, failing, 1000, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal((4, 0, 4), (result.Received, result.Moved, result.SendFailed));
        Assert.Equal(4, (await deadLetters.GetCountsAsync(CancellationToken.None)).Visible);
    }

    [Fact]
    public async Task MaxLimits_HowManyMessagesAreMoved()
    {
        var (source, deadLetters) = DeadLetterSamples.EmbeddedPair();
        await DeadLetterSamples.SendAsync(deadLetters, 30);

        var result = await DeadLetterRedriver.RedriveAsync(deadLetters, source, 12, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(12, result.Moved);
        Assert.Equal(18, (await deadLetters.GetCountsAsync(CancellationToken.None)).Visible);
        Assert.Equal(12, (await source.GetCountsAsync(CancellationToken.None)).Visible);
    }

    [Fact]
    public async Task ADeleteTheDeadLetterQueueRefuses_IsReported_NotCountedAsMoved()
    {
        var (source, deadLetters) = DeadLetterSamples.EmbeddedPair();
        await DeadLetterSamples.SendAsync(deadLetters, 3);
        var refusingDeletes = new FilteringQueue(deadLetters) { RefuseDeletes = true };

        var result = await DeadLetterRedriver.RedriveAsync(refusingDeletes, source, 3, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal((3, 0, 0, 3), (result.Received, result.Moved, result.SendFailed, result.DeleteFailed));
        Assert.Equal(3, (await source.GetCountsAsync(CancellationToken.None)).Visible);
    }

    [Fact]
    public void ToAFifoSource_TheGroupIsKept_AndTheDeadLetterIdDeduplicates()
    {
        var message = new SqsMessage
        {
            MessageId = "dlq-1",
            Body = "{}",
            Attributes = new Dictionary<string, string> { ["MessageGroupId"] = "user-1" },
            MessageAttributes = new Dictionary<string, SqsMessageAttribute>
            {
                ["failureReason"] = new() { StringValue = "bad", DataType = "String" },
                ["tenant"] = new() { StringValue = "t1", DataType = "String" },
            },
        };

        var fifo = DeadLetterRedriver.ToSource(message, fifoSource: true);
        var standard = DeadLetterRedriver.ToSource(message, fifoSource: false);

        Assert.Equal(("user-1", "dlq-1"), (fifo.MessageGroupId, fifo.DeduplicationId));
        Assert.Equal(new Dictionary<string, string> { ["tenant"] = "t1" }, fifo.Attributes);
        Assert.Null(standard.MessageGroupId);
        Assert.Null(standard.DeduplicationId);
    }

    private static async Task<List<SqsMessage>> ReceiveAllAsync(EmbeddedQueue queue)
    {
        var all = new List<SqsMessage>();
        IReadOnlyList<SqsMessage> batch;
        while ((batch = await queue.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None)).Count > 0)
        {
            all.AddRange(batch);
        }

        return all;
    }

    /// <summary>Passes calls to a real queue, recording send batch sizes, and refuses what it is told to.</summary>
    private sealed class FilteringQueue(IMessageQueue inner) : IMessageQueue
    {
        public Func<OutgoingMessage, bool> Refuse { get; init; } = _ => false;

        public bool ThrowOnSend { get; init; }

        public bool RefuseDeletes { get; init; }

        public List<int> BatchSizes { get; } = [];

        public string Name => inner.Name;

        public string Arn => inner.Arn;

        public async Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
        {
            BatchSizes.Add(messages.Count);
            if (ThrowOnSend)
            {
                throw new InvalidOperationException("queue unreachable");
            }

            var accepted = messages.Where(m => !Refuse(m)).ToList();
            var sent = new Queue<SendOutcome>(accepted.Count == 0 ? [] : await inner.SendBatchAsync(accepted, cancellationToken));
            return [.. messages.Select(m => Refuse(m) ? new SendOutcome(null, "refused by the test") : sent.Dequeue())];
        }

        public Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken) =>
            inner.ReceiveAsync(maxMessages, waitTime, cancellationToken);

        public Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken) =>
            RefuseDeletes ? Task.FromResult<IReadOnlyList<string>>([.. receiptHandles]) : inner.DeleteBatchAsync(receiptHandles, cancellationToken);

        public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
            inner.ChangeVisibilityAsync(receiptHandle, visibilityTimeout, cancellationToken);

        public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken) => inner.GetCountsAsync(cancellationToken);

        public Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken) => inner.GetVisibilityTimeoutAsync(cancellationToken);
    }
}
