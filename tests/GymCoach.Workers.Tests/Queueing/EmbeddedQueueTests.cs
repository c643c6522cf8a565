using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.Queueing;
using GymCoach.Workers.Tests.Support;
using GymCoach.TestSupport.Time;

namespace GymCoach.Workers.Tests.Queueing;

/// <summary>Embedded-only behaviour of <see cref="EmbeddedQueue"/> on a stepped clock: exact timings, limits and errors.</summary>
public sealed class EmbeddedQueueTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly CountingFakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ExpiredVisibility_RedeliversWithAHigherReceiveCount_AndTheOriginalTimestamps()
    {
        var queue = Queue("visibility");
        await queue.SendBatchAsync([QueueSamples.Message("m")], None);
        var sentAt = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        _clock.Advance(TimeSpan.FromSeconds(2));
        var first = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        var firstReceivedAt = _clock.GetUtcNow().ToUnixTimeMilliseconds();

        _clock.Advance(TimeSpan.FromSeconds(29.9));
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        var second = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.ApproximateReceiveCount);
        Assert.Equal(sentAt.ToString(System.Globalization.CultureInfo.InvariantCulture), second.Attributes![SqsSystemAttributes.SentTimestamp]);
        Assert.Equal(firstReceivedAt.ToString(System.Globalization.CultureInfo.InvariantCulture), second.Attributes[SqsSystemAttributes.ApproximateFirstReceiveTimestamp]);
    }

    [Fact]
    public async Task DelayedMessage_IsCountedAsDelayed_UntilItsDelayPasses()
    {
        var queue = Queue("delay");
        await queue.SendBatchAsync([QueueSamples.Message("later") with { Delay = TimeSpan.FromSeconds(10) }], None);

        Assert.Equal(new QueueCounts(0, 0, 1, TimeSpan.Zero), await queue.GetCountsAsync(None));
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(new QueueCounts(1, 0, 0, TimeSpan.FromSeconds(10)), await queue.GetCountsAsync(None));
        Assert.Equal("later", Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None)).Body);
    }

    [Fact]
    public async Task LongPoll_WakesWhenAVisibilityTimeoutExpires()
    {
        var queue = Queue("wake-expiry");
        await queue.SendBatchAsync([QueueSamples.Message("m")], None);
        Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));

        var waiting = queue.ReceiveAsync(10, TimeSpan.FromSeconds(20), None);
        await _clock.WaitForArmedTimersAsync(1, TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(30));

        var message = Assert.Single(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(2, message.ApproximateReceiveCount);
    }

    [Fact]
    public async Task LongPoll_WakesWhenADelayPasses()
    {
        var queue = Queue("wake-delay");
        await queue.SendBatchAsync([QueueSamples.Message("later") with { Delay = TimeSpan.FromSeconds(5) }], None);

        var waiting = queue.ReceiveAsync(10, TimeSpan.FromSeconds(20), None);
        await _clock.WaitForArmedTimersAsync(1, TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("later", Assert.Single(await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Body);
    }

    [Fact]
    public async Task LongPoll_EndsEmpty_WhenItsWaitTimePasses()
    {
        var queue = Queue("wake-deadline");

        var waiting = queue.ReceiveAsync(10, TimeSpan.FromSeconds(20), None);
        await _clock.WaitForArmedTimersAsync(1, TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Empty(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task LongPoll_IsCancelled_ByItsToken()
    {
        var queue = Queue("cancel");
        using var cancellation = new CancellationTokenSource();

        var waiting = queue.ReceiveAsync(10, TimeSpan.FromSeconds(20), cancellation.Token);
        await _clock.WaitForArmedTimersAsync(1, TimeSpan.FromSeconds(5));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        await queue.SendBatchAsync([QueueSamples.Message("kept")], None);
        Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
    }

    [Fact]
    public async Task Delete_ReportsUnknownStaleAndRepeatedHandlesAsFailed()
    {
        var queue = Queue("handles");
        await queue.SendBatchAsync([QueueSamples.Message("m")], None);
        var first = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        await queue.ChangeVisibilityAsync(first.ReceiptHandle!, TimeSpan.Zero, None);
        var second = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));

        var failed = await queue.DeleteBatchAsync(["bogus", first.ReceiptHandle!, second.ReceiptHandle!, second.ReceiptHandle!], None);

        Assert.Equal(["bogus", first.ReceiptHandle!, second.ReceiptHandle!], failed);
        Assert.Equal(0, (await queue.GetCountsAsync(None)).Total);
    }

    [Fact]
    public async Task Delete_AfterTheVisibilityTimeout_ButBeforeTheNextReceive_StillWorks()
    {
        var queue = Queue("late-delete");
        await queue.SendBatchAsync([QueueSamples.Message("m")], None);
        var message = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(await queue.DeleteBatchAsync([message.ReceiptHandle!], None));
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
    }

    [Fact]
    public async Task ChangeVisibility_NamesTheSqsError_ForStaleHandlesAndVisibleMessages()
    {
        var queue = Queue("cv-errors");
        await queue.SendBatchAsync([QueueSamples.Message("m")], None);
        var first = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        _clock.Advance(TimeSpan.FromSeconds(30));

        var notInFlight = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.ChangeVisibilityAsync(first.ReceiptHandle!, TimeSpan.FromSeconds(5), None));
        Assert.StartsWith("MessageNotInflight", notInFlight.Message, StringComparison.Ordinal);
        Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        var stale = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.ChangeVisibilityAsync(first.ReceiptHandle!, TimeSpan.FromSeconds(5), None));
        Assert.StartsWith("ReceiptHandleIsInvalid", stale.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ChangeVisibilityAsync(first.ReceiptHandle!, TimeSpan.FromHours(13), None));
    }

    [Fact]
    public async Task ChangeVisibility_RestartsTheTimeoutFromNow()
    {
        var queue = Queue("cv-extend");
        await queue.SendBatchAsync([QueueSamples.Message("m")], None);
        var message = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        _clock.Advance(TimeSpan.FromSeconds(20));

        await queue.ChangeVisibilityAsync(message.ReceiptHandle!, TimeSpan.FromSeconds(60), None);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
    }

    [Fact]
    public async Task Redrive_KeepsTheReceiveCount_AndNamesTheSourceQueue()
    {
        var deadLetters = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "poison-dlq" }, _clock);
        var queue = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "poison", MaxReceiveCount = 1, DeadLetterQueue = deadLetters }, _clock);
        await queue.SendBatchAsync([QueueSamples.Message("bad")], None);
        Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, None));
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, None));

        var moved = Assert.Single(await deadLetters.ReceiveAsync(10, TimeSpan.Zero, None));
        Assert.Equal(2, moved.ApproximateReceiveCount);
        Assert.Equal(queue.Arn, moved.Attributes![DeliveredMessageFactory.DeadLetterQueueSourceArn]);
        Assert.Equal(0, (await queue.GetCountsAsync(None)).Total);
    }

    [Fact]
    public async Task Counts_ReportTheAgeOfTheOldestMessage()
    {
        var queue = Queue("age");
        await queue.SendBatchAsync([QueueSamples.Message("old")], None);
        _clock.Advance(TimeSpan.FromSeconds(40));
        await queue.SendBatchAsync([QueueSamples.Message("new")], None);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(42), (await queue.GetCountsAsync(None)).OldestMessageAge);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(901)]
    public async Task Delay_OutsideZeroToFifteenMinutes_FailsItsEntry(int seconds)
    {
        var queue = Queue("bad-delay");

        var outcome = Assert.Single(await queue.SendBatchAsync([QueueSamples.Message() with { Delay = TimeSpan.FromSeconds(seconds) }], None));

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.SenderFault);
    }

    [Fact]
    public async Task InvalidEntries_FailAlone_WithAClearError()
    {
        var queue = Queue("bad-entries");
        var tooManyAttributes = Enumerable.Range(0, 11).ToDictionary(i => $"a{i}", i => "v");

        var outcomes = await queue.SendBatchAsync(
        [
            QueueSamples.Message(""), QueueSamples.Message("bell \u0007"), QueueSamples.Message("ok", tooManyAttributes),
            QueueSamples.Message(new string('x', (1024 * 1024) - 1024)),
        ], None);

        Assert.All(outcomes.Take(3), outcome => Assert.True(outcome is { Succeeded: false, SenderFault: true, Error.Length: > 0 }));
        Assert.True(outcomes[3].Succeeded, outcomes[3].Error);
    }

    [Fact]
    public async Task BatchOfValidEntries_LargerThanOneMebibyte_IsRejected()
    {
        var queue = Queue("big-batch");
        var half = new string('x', 600 * 1024);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendBatchAsync([QueueSamples.Message(half), QueueSamples.Message(half)], None));

        Assert.StartsWith("BatchRequestTooLong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceivedMessage_HasChecksumsAndReadOnlyAttributes()
    {
        var queue = Queue("checksums");
        await queue.SendBatchAsync([QueueSamples.Message("a"), QueueSamples.Message("b", new Dictionary<string, string> { ["k"] = "v" })], None);

        var messages = await queue.ReceiveAsync(10, TimeSpan.Zero, None);

        Assert.Equal("0cc175b9c0f1b6a831c399e269772661", messages[0].Md5OfBody);
        Assert.Null(messages[0].Md5OfMessageAttributes);
        Assert.Empty(messages[0].MessageAttributes!);
        Assert.Matches("^[0-9a-f]{32}$", messages[1].Md5OfMessageAttributes);
        var attributes = Assert.IsAssignableFrom<IDictionary<string, SqsMessageAttribute>>(messages[1].MessageAttributes);
        Assert.True(attributes.IsReadOnly);
    }

    private EmbeddedQueue Queue(string name) => new(new EmbeddedQueueOptions { Name = name }, _clock);
}
