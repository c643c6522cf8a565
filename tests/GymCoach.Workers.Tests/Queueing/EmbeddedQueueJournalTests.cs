using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.Queueing;
using GymCoach.Workers.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GymCoach.Workers.Tests.Queueing;

/// <summary>How <see cref="EmbeddedQueue"/> makes its changes durable, and how a queue restored from its journal goes on.</summary>
public sealed class EmbeddedQueueJournalTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingQueueJournal _journal = new();

    [Fact]
    public async Task ARestoredQueue_KeepsMessageIds_ReceiveCounts_AndPendingDelays_AndInFlightMessagesAreVisibleAgain()
    {
        var (queue, _) = Queues();
        var sent = await queue.SendBatchAsync([QueueSamples.Message("now"), new OutgoingMessage { Body = "later", Delay = TimeSpan.FromMinutes(5) }], None);
        var received = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));

        var (restored, _) = Queues();
        var again = Assert.Single(await restored.ReceiveAsync(10, TimeSpan.Zero, None));

        Assert.Equal(sent[0].MessageId, received.MessageId);
        Assert.Equal(received.MessageId, again.MessageId);
        Assert.Equal(2, again.ApproximateReceiveCount);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Contains(sent[1].MessageId, (await restored.ReceiveAsync(10, TimeSpan.Zero, None)).Select(message => message.MessageId));
    }

    [Fact]
    public async Task ReceivesPastTheLimit_BeforeAndAfterARestart_RedriveTheMessage_AndTheMoveIsKept()
    {
        var (queue, _) = Queues();
        await queue.SendBatchAsync([QueueSamples.Message("poison")], None);
        for (var receive = 0; receive < 2; receive++)
        {
            Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
            _clock.Advance(TimeSpan.FromSeconds(30));
        }

        var (restored, deadLetters) = Queues();
        Assert.Single(await restored.ReceiveAsync(10, TimeSpan.Zero, None));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(await restored.ReceiveAsync(10, TimeSpan.Zero, None));

        Assert.Single(_journal.MessagesOf("dead-letters"));
        var (_, deadLettersAfterRestart) = Queues();
        // Its three receives from the source, and this one.
        Assert.Equal(4, Assert.Single(await deadLettersAfterRestart.ReceiveAsync(10, TimeSpan.Zero, None)).ApproximateReceiveCount);
        Assert.Single(await deadLetters.ReceiveAsync(10, TimeSpan.Zero, None));
    }

    [Fact]
    public async Task ARefusedJournal_FailsTheSend_AndTheDelete_WithoutChangingTheQueue()
    {
        var (queue, _) = Queues();
        await queue.SendBatchAsync([QueueSamples.Message("kept")], None);
        var received = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        _journal.Refuse = true;

        await Assert.ThrowsAsync<IOException>(() => queue.SendBatchAsync([QueueSamples.Message("lost")], None));
        await Assert.ThrowsAsync<IOException>(() => queue.DeleteBatchAsync([received.ReceiptHandle!], None));

        _journal.Refuse = false;
        Assert.Empty(await queue.DeleteBatchAsync([received.ReceiptHandle!], None));
        Assert.Equal(0, (await queue.GetCountsAsync(None)).Total);
    }

    [Fact]
    public async Task MessagesPastTheRetentionPeriod_AreDropped_ForGood()
    {
        var (queue, _) = Queues();
        await queue.SendBatchAsync([QueueSamples.Message("old")], None);
        _clock.Advance(TimeSpan.FromHours(1));
        await queue.SendBatchAsync([QueueSamples.Message("new")], None);
        _clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromSeconds(1));

        Assert.Equal(1, queue.RemoveExpired(TimeSpan.FromHours(4)));

        var (restored, _) = Queues();
        Assert.Equal("new", Assert.Single(await restored.ReceiveAsync(10, TimeSpan.Zero, None)).Body);
    }

    // A source queue with a dead-letter queue after 3 receives, loaded from the journal as a restart would.
    private (EmbeddedQueue Source, EmbeddedQueue DeadLetters) Queues()
    {
        var deadLetters = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "dead-letters" }, _clock, _journal);
        deadLetters.Restore(_journal.MessagesOf("dead-letters"));
        var source = new EmbeddedQueue(
            new EmbeddedQueueOptions { Name = "source", VisibilityTimeout = TimeSpan.FromSeconds(30), MaxReceiveCount = 3, DeadLetterQueue = deadLetters },
            _clock,
            _journal);
        source.Restore(_journal.MessagesOf("source"));
        return (source, deadLetters);
    }
}
