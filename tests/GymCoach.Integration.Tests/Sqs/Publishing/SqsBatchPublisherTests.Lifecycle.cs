using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Publishing;
using GymCoach.TestSupport.Queueing;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Integration.Tests.Sqs.Publishing;

/// <summary>Backpressure, disposal and FIFO queues.</summary>
public abstract partial class SqsBatchPublisherTests
{
    [Fact]
    public async Task WhenTheBufferIsFull_PublishWaitsForRoom_AndLosesNothing()
    {
        var queue = new GatedQueue(await CreateQueueAsync(QueueSamples.UniqueName("full")));
        var options = new SqsBatchPublisherOptions { Linger = TimeSpan.Zero, MaxBufferedMessages = 5, MaxConcurrentBatches = 1 };
        await using var publisher = new SqsBatchPublisher(queue, options, _time);

        var publishing = QueueSamples.Messages(40).Select(message => publisher.PublishAsync(message, None)).ToList();
        try
        {
            Assert.True(await ContractPolling.UntilAsync(() => Task.FromResult(queue.Waiting == 1 && publisher.BufferedMessages == 5), full => full, Patience));
            using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(200), _time);
            var gaveUp = publisher.PublishAsync(QueueSamples.Message("gave up"), impatient.Token);
            _time.Advance(TimeSpan.FromMilliseconds(200));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp.WaitAsync(Patience));
            Assert.Equal(5, publisher.BufferedMessages);
            Assert.Equal(1, queue.Waiting);
            Assert.DoesNotContain(publishing, task => task.IsCompleted);
        }
        finally
        {
            // Opened even when an assertion failed: disposing the publisher sends what it holds, and a closed gate
            // would hold that send, and the test run, for good.
            queue.Open();
        }

        await Task.WhenAll(publishing).WaitAsync(Patience);

        var received = await queue.DrainAsync(40, Patience);
        Assert.Equal(40, received.Count);
        Assert.DoesNotContain(received, message => message.Body == "gave up");
    }

    [Fact]
    public async Task DisposeAsync_SendsEverythingBuffered_ThenRefusesNewMessages()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("dispose"));
        var publisher = new SqsBatchPublisher(queue, new SqsBatchPublisherOptions { Linger = TimeSpan.FromSeconds(10) }, _time);
        var publishing = QueueSamples.Messages(15).Select(message => publisher.PublishAsync(message, None)).ToList();

        await publisher.DisposeAsync();

        Assert.All(publishing, task => Assert.True(task.IsCompletedSuccessfully));
        Assert.Equal(15, (await queue.DrainAsync(15, Patience)).Count);
        Assert.Throws<ObjectDisposedException>(() => { _ = publisher.PublishAsync(QueueSamples.Message(), None); });
    }

    [Fact]
    public async Task Fifo_KeepsEachGroupsOrder_AndADuplicateGetsTheOriginalsId()
    {
        var queue = await CreateQueueAsync(QueueSamples.UniqueName("fifo", fifo: true));
        var linger = TimeSpan.FromMilliseconds(2);
        await using var publisher = new SqsBatchPublisher(queue, new SqsBatchPublisherOptions { Linger = linger }, _time);
        var messages = Enumerable.Range(1, 15)
            .SelectMany(i => new[] { QueueSamples.FifoMessage($"A{i}", "A", $"a-{i}"), QueueSamples.FifoMessage($"B{i}", "B", $"b-{i}") })
            .ToList();

        // Three full batches go at once; the duplicate alone waits for the linger.
        var ids = await Task.WhenAll(messages.Select(message => publisher.PublishAsync(message, None))).WaitAsync(Patience);
        var duplicate = publisher.PublishAsync(QueueSamples.FifoMessage("A1 again", "A", "a-1"), None);
        await _time.WaitForArmedTimersAsync(1, Patience);
        _time.Advance(linger);
        var duplicateId = await duplicate.WaitAsync(Patience);

        Assert.Equal(ids[0], duplicateId);
        var received = await queue.DrainAsync(30, Patience);
        Assert.Equal(Bodies("A"), GroupBodies(received, "A"));
        Assert.Equal(Bodies("B"), GroupBodies(received, "B"));
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
    }

    private static IEnumerable<string> Bodies(string group) => Enumerable.Range(1, 15).Select(i => $"{group}{i}");

    private static IEnumerable<string> GroupBodies(IEnumerable<SqsMessage> received, string group) =>
        received.Where(message => message.MessageGroupId == group).Select(message => message.Body);
}
