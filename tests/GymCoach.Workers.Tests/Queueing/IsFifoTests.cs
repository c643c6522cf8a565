using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.Queueing;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.Queueing;
using GymCoach.Workers.Tests.Queueing.Fakes;

namespace GymCoach.Workers.Tests.Queueing;

/// <summary>Every queue answers <see cref="IMessageQueue.IsFifo"/> from SQS's one naming rule, and decorators forward it.</summary>
public sealed class IsFifoTests
{
    [Theory]
    [InlineData("gymcoach-writes", false)]
    [InlineData("gymcoach-writes.fifo", true)]
    [InlineData("gymcoach-writes-dlq.fifo", true)]
    [InlineData("fifo", false)]
    public void AnEmbeddedQueue_IsFifo_ExactlyWhenItsNameEndsInDotFifo(string name, bool fifo)
    {
        IMessageQueue queue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = name });

        Assert.Equal(fifo, queue.IsFifo);
    }

    [Theory]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/gymcoach-writes", false)]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/gymcoach-writes.fifo", true)]
    public void AnSqsQueue_IsFifo_ExactlyWhenItsNameEndsInDotFifo(string url, bool fifo)
    {
        using var client = SqsClientFactory.Create(SqsConnection.Emulator(new Uri("http://127.0.0.1:1"), "eu-west-1"));
        IMessageQueue queue = SqsQueue.FromUrl(client, new Uri(url), "eu-west-1");

        Assert.Equal(fifo, queue.IsFifo);
    }

    [Fact]
    public void Decorators_AnswerForTheQueueTheyWrap()
    {
        var inner = new NamedFifoQueue();

        Assert.True(((IMessageQueue)new MeteredMessageQueue(inner, new MetricsRecorder("gymcoach-test"))).IsFifo);
        Assert.True(((IMessageQueue)new ThrottleBackoffQueue(inner)).IsFifo);
    }

    [Fact]
    public void AQueueThatSaysNothing_IsFifo_ByItsName()
    {
        Assert.False(((IMessageQueue)new ThrottlingQueue()).IsFifo);
    }

    [Theory]
    [InlineData("gymcoach-writes", "gymcoach-writes-dlq")]
    [InlineData("gymcoach-writes.fifo", "gymcoach-writes-dlq.fifo")]
    public void AQueueDefinition_NamesItsDeadLetterQueue_ByTheSameRule(string name, string deadLetterName)
    {
        Assert.Equal(deadLetterName, new QueueDefinition { Name = name }.DeadLetterName);
    }

    /// <summary>Says it is FIFO although its name does not end in .fifo, so a decorator that parsed the name would answer wrongly.</summary>
    private sealed class NamedFifoQueue : IMessageQueue
    {
        public string Name => "not-by-name";

        public string Arn => "arn:aws:sqs:eu-west-1:123456789012:not-by-name";

        public bool IsFifo => true;

        public Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Contracts.Lambda.SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
