using GymCoach.Contracts.Queueing;
using GymCoach.TestSupport.Queueing;
using GymCoach.TestSupport.Time;
using GymCoach.Workers.Publishing;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Integration.Tests.Sqs.Publishing;

/// <summary><see cref="SqsBatchPublisher"/> against a real queue backend; decorators record or fail chosen calls.</summary>
/// <remarks>
/// The publisher's linger and backoffs run on a fake clock that moves only when a test advances it, after the publisher
/// has armed its timer: what is sent before and after a delay is exact, and no test waits for real time to pass.
/// </remarks>
public abstract partial class SqsBatchPublisherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly CountingFakeTimeProvider _time = new();

    /// <summary>Creates an empty queue (FIFO when the name ends in <c>.fifo</c>) for this test.</summary>
    protected abstract Task<IMessageQueue> CreateQueueAsync(string name);

    [Fact]
    public async Task TwentyFiveMessages_GoOutInBatchesOfTenTenAndFive()
    {
        var queue = new RecordingQueue(await CreateQueueAsync(QueueSamples.UniqueName("tens")));
        var linger = TimeSpan.FromMilliseconds(300);
        await using var publisher = new SqsBatchPublisher(queue, new SqsBatchPublisherOptions { Linger = linger }, _time);

        var publishing = Task.WhenAll(QueueSamples.Messages(25).Select(message => publisher.PublishAsync(message, None)));
        await Poll.UntilAsync(() => queue.Batches.Count == 2, Patience);
        await _time.WaitForArmedTimersAsync(1, Patience);
        _time.Advance(linger - Tick);
        Assert.Equal([10, 10], queue.Batches.Select(batch => batch.Length));
        _time.Advance(Tick);
        var ids = await publishing.WaitAsync(Patience);

        Assert.Equal([10, 10, 5], queue.Batches.Select(batch => batch.Length));
        Assert.Equal(25, ids.Distinct().Count());
        Assert.Equal(25, (await queue.DrainAsync(25, Patience)).Count);
    }

    [Fact]
    public async Task ALoneMessage_GoesOutWhenTheLingerHasPassed()
    {
        var queue = new RecordingQueue(await CreateQueueAsync(QueueSamples.UniqueName("linger")));
        var linger = TimeSpan.FromMilliseconds(300);
        await using var publisher = new SqsBatchPublisher(queue, new SqsBatchPublisherOptions { Linger = linger }, _time);

        var publishing = publisher.PublishAsync(QueueSamples.Message("alone"), None);
        await _time.WaitForArmedTimersAsync(1, Patience);
        _time.Advance(linger - Tick);
        Assert.False(publishing.IsCompleted);
        Assert.Empty(queue.Batches);
        _time.Advance(Tick);
        var id = await publishing.WaitAsync(Patience);

        Assert.Equal(["alone"], Assert.Single(queue.Batches));
        Assert.Equal(id, Assert.Single(await queue.DrainAsync(1, Patience)).MessageId);
    }

    [Fact]
    public async Task FlushAsync_SendsAPartialBatchWithoutWaitingForTheLinger()
    {
        var queue = new RecordingQueue(await CreateQueueAsync(QueueSamples.UniqueName("flush")));
        await using var publisher = new SqsBatchPublisher(queue, new SqsBatchPublisherOptions { Linger = TimeSpan.FromSeconds(10) }, _time);
        var publishing = QueueSamples.Messages(3).Select(message => publisher.PublishAsync(message, None)).ToList();

        // The clock never moves: the flush cannot have waited for the linger.
        await publisher.FlushAsync(None).WaitAsync(Patience);

        Assert.All(publishing, task => Assert.True(task.IsCompletedSuccessfully));
        Assert.Equal([3], queue.Batches.Select(batch => batch.Length));
    }

    [Fact]
    public async Task Batches_AreCutBeforeTheyExceedOneMebibyte()
    {
        var queue = new RecordingQueue(await CreateQueueAsync(QueueSamples.UniqueName("mebibyte")));
        var linger = TimeSpan.FromMilliseconds(500);
        await using var publisher = new SqsBatchPublisher(queue, new SqsBatchPublisherOptions { Linger = linger }, _time);
        var bodies = Enumerable.Range(0, 4).Select(i => $"{i}{new string('x', 300 * 1024)}").ToList();

        var publishing = Task.WhenAll(bodies.Select(body => publisher.PublishAsync(QueueSamples.Message(body), None)));
        await Poll.UntilAsync(() => queue.Batches.Count == 1, Patience);
        await _time.WaitForArmedTimersAsync(1, Patience);
        _time.Advance(linger);
        await publishing.WaitAsync(Patience);

        Assert.Equal([3, 1], queue.Batches.Select(batch => batch.Length));
        Assert.Equal(bodies, (await queue.DrainAsync(4, Patience)).Select(message => message.Body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TransientEntryFailures_AreRetried_ResendingOnlyTheFailedEntries()
    {
        var queue = new FailingQueue(await CreateQueueAsync(QueueSamples.UniqueName("retry")))
            .FailTransiently("message-2")
            .FailTransiently("message-7", times: 2);
        var options = FastRetries(linger: TimeSpan.FromMilliseconds(300));
        await using var publisher = new SqsBatchPublisher(queue, options, _time);

        var publishing = Task.WhenAll(QueueSamples.Messages(10).Select(message => publisher.PublishAsync(message, None)));
        await BackOffAsync(options, resends: 2, queue: () => queue.Calls.Count);
        var ids = await publishing.WaitAsync(Patience);

        Assert.Equal(10, ids.Distinct().Count());
        var calls = queue.Calls;
        Assert.Equal(10, calls[0].Length);
        Assert.Equal(["message-2", "message-7"], calls[1]);
        Assert.Equal(["message-7"], calls[2]);
        Assert.Equal(3, calls.Count);
        var received = await queue.DrainAsync(10, Patience);
        Assert.Equal(10, received.Select(message => message.Body).Distinct().Count());
    }

    [Fact]
    public async Task ASenderFault_FailsItsMessageAtOnce_WithTheQueuesError_AndTheOthersGoThrough()
    {
        var queue = new FailingQueue(await CreateQueueAsync(QueueSamples.UniqueName("refused"))).Refuse("message-3");
        await using var publisher = new SqsBatchPublisher(queue, FastRetries(linger: TimeSpan.FromMilliseconds(300)), _time);

        var publishing = QueueSamples.Messages(10).Select(message => publisher.PublishAsync(message, None)).ToList();
        await publisher.FlushAsync(None).WaitAsync(Patience);

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => publishing[3]);
        Assert.True(error.SenderFault);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("InvalidMessageContents", error.Message, StringComparison.Ordinal);
        Assert.All(publishing.Where((_, i) => i != 3), task => Assert.True(task.IsCompletedSuccessfully));
        Assert.Single(queue.Calls);
    }

    [Fact]
    public async Task WhenEverySendFails_TheCallerGetsTheErrorAfterMaxAttempts()
    {
        var queue = new FailingQueue(await CreateQueueAsync(QueueSamples.UniqueName("down"))) { Unreachable = true };
        var options = FastRetries(linger: TimeSpan.Zero);
        options.MaxAttempts = 3;
        await using var publisher = new SqsBatchPublisher(queue, options, _time);

        var publishing = publisher.PublishAsync(QueueSamples.Message("lost"), None);
        await BackOffAsync(options, resends: 2, queue: () => queue.Calls.Count);
        var error = await Assert.ThrowsAsync<PublishFailedException>(() => publishing.WaitAsync(Patience));

        Assert.False(error.SenderFault);
        Assert.Equal(3, error.Attempts);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Contains(queue.Name, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, queue.Calls.Count);
    }

    [Fact]
    public async Task OversizedMessage_IsRejectedBeforeSending_WithItsSize()
    {
        var queue = new RecordingQueue(await CreateQueueAsync(QueueSamples.UniqueName("huge")));
        await using var publisher = new SqsBatchPublisher(queue, timeProvider: _time);
        var message = QueueSamples.Message(new string('x', 1024 * 1024), new Dictionary<string, string> { ["k"] = "v" });

        var error = Assert.Throws<ArgumentException>(() => { _ = publisher.PublishAsync(message, None); });

        Assert.Contains("1048584 bytes", error.Message, StringComparison.Ordinal);
        await publisher.FlushAsync(None);
        Assert.Empty(queue.Batches);
    }

    /// <summary>Lets the publisher through <paramref name="resends"/> backoffs: each time, it has sent once more and waits, and nothing is resent before the clock passes the longest backoff.</summary>
    private async Task BackOffAsync(SqsBatchPublisherOptions options, int resends, Func<int> queue)
    {
        for (var resend = 1; resend <= resends; resend++)
        {
            // The send is recorded after the batch was cut, so the timer armed next is the backoff, not a linger.
            await Poll.UntilAsync(() => queue() >= resend, Patience);
            await _time.WaitForArmedTimersAsync(1, Patience);
            Assert.Equal(resend, queue());
            _time.Advance(options.MaxBackoff);
            await Poll.UntilAsync(() => queue() == resend + 1, Patience);
        }
    }

    // Long enough to be seen on the fake clock: a backoff under a millisecond (as 1 ms with jitter) fired at once there.
    private static SqsBatchPublisherOptions FastRetries(TimeSpan linger) => new()
    {
        Linger = linger,
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
    };
}
