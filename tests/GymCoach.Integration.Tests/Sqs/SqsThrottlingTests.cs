using GymCoach.Aws.Sqs;
using GymCoach.Integration.Tests.Sqs.Support;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Integration.Tests.Sqs;

/// <summary>SQS throttling on the send and delete paths, injected in front of fauxqs: backed off with jitter and retried, nothing lost.</summary>
[Collection(FauxqsCollection.Name)]
[Trait("Category", "Slow")]
public sealed class SqsThrottlingTests(FauxqsFixture fauxqs) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly ThrottleBackoffOptions Quick = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };
    private readonly SqsTestQueues _queues = new(fauxqs.Client);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _queues.DeleteAllAsync();

    [Fact]
    public async Task ThrottledSendsAndDeletes_AreRetried_UntilEveryMessageIsQueuedAndDeleted()
    {
        using var injector = new ThrottlingInjector().Throttle("SendMessageBatch", 3).Throttle("DeleteMessageBatch", 2);
        var created = await _queues.CreateAsync(QueueSamples.UniqueName("throttled"), TimeSpan.FromSeconds(30));
        var sqs = new SqsQueue(injector.CreateClient(fauxqs.Server.Connection), created.Url, created.Arn);
        var queue = new ThrottleBackoffQueue(sqs, Quick);

        var sent = await queue.SendBatchAsync(QueueSamples.Messages(10), CancellationToken.None);
        var handles = new List<string>();
        while (handles.Count < 10)
        {
            var received = await queue.ReceiveWithinAsync(Patience);
            Assert.NotEmpty(received);
            handles.AddRange(received.Select(message => message.ReceiptHandle!));
        }

        var refused = await queue.DeleteBatchAsync(handles, CancellationToken.None);

        Assert.All(sent, outcome => Assert.True(outcome.Succeeded, outcome.Error));
        Assert.Empty(refused);
        Assert.Equal((4, 3), (injector.Calls("SendMessageBatch"), injector.Calls("DeleteMessageBatch")));
        Assert.Equal(5, queue.Throttles);
        Assert.Equal(0, (await created.CountsUntilAsync(counts => counts.Total == 0, Patience)).Total);
    }

    [Fact]
    public async Task WithoutTheBackoff_TheSameThrottlingFailsTheSend_WithItsErrorCode()
    {
        using var injector = new ThrottlingInjector().Throttle("SendMessageBatch", 1);
        var created = await _queues.CreateAsync(QueueSamples.UniqueName("throttled"), TimeSpan.FromSeconds(30));
        var sqs = new SqsQueue(injector.CreateClient(fauxqs.Server.Connection), created.Url, created.Arn);

        var failure = await Assert.ThrowsAsync<SqsRequestException>(() => sqs.SendBatchAsync(QueueSamples.Messages(1), CancellationToken.None));

        Assert.Equal("RequestThrottled", failure.ErrorCode);
    }
}
