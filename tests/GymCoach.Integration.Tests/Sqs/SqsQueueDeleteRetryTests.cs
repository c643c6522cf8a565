using GymCoach.Aws.Sqs;
using GymCoach.Integration.Tests.Sqs.Support;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Integration.Tests.Sqs;

/// <summary><see cref="SqsQueue.DeleteBatchAsync"/> resends only the entries SQS failed for a transient reason.</summary>
[Collection(FauxqsCollection.Name)]
[Trait("Category", "Slow")]
public sealed class SqsQueueDeleteRetryTests(FauxqsFixture fauxqs) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly SqsTestQueues _queues = new(fauxqs.Client);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _queues.DeleteAllAsync();

    [Fact]
    public async Task AnEntryFailedOnce_IsResentAlone_AndTheBatchSucceeds()
    {
        using var injector = new DeleteFailureInjector().Fail("1", times: 1);
        var (queue, handles) = await ReceiveThreeAsync(injector);

        var failed = await queue.DeleteBatchAsync(handles, CancellationToken.None);

        Assert.Empty(failed);
        Assert.Equal([["0", "1", "2"], ["1"]], injector.Calls);
        Assert.Equal(0, (await queue.CountsUntilAsync(counts => counts.Total == 0, Patience)).Total);
    }

    [Fact]
    public async Task AnEntryThatKeepsFailing_IsReturned_AfterMaxDeleteAttempts()
    {
        using var injector = new DeleteFailureInjector().Fail("2", times: 100);
        var (queue, handles) = await ReceiveThreeAsync(injector);

        var failed = await queue.DeleteBatchAsync(handles, CancellationToken.None);

        Assert.Equal([handles[2]], failed);
        Assert.Equal(SqsQueue.MaxDeleteAttempts, injector.Calls.Count);
        Assert.All(injector.Calls.Skip(1), call => Assert.Equal(["2"], call));
    }

    private async Task<(SqsQueue Queue, string[] Handles)> ReceiveThreeAsync(DeleteFailureInjector injector)
    {
        var created = await _queues.CreateAsync(QueueSamples.UniqueName("deletes"), TimeSpan.FromSeconds(30));
        var queue = new SqsQueue(injector.CreateClient(fauxqs.Server.Connection), created.Url, created.Arn);
        await queue.SendBatchAsync(QueueSamples.Messages(3), CancellationToken.None);
        var handles = new List<string>();
        while (handles.Count < 3)
        {
            var received = await queue.ReceiveWithinAsync(Patience);
            Assert.NotEmpty(received);
            handles.AddRange(received.Select(message => message.ReceiptHandle!));
        }

        return (queue, [.. handles]);
    }
}
