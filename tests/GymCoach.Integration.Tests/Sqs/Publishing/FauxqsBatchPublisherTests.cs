using GymCoach.Contracts.Queueing;
using GymCoach.Integration.Tests.Sqs.Support;

namespace GymCoach.Integration.Tests.Sqs.Publishing;

/// <summary>The publisher on <see cref="Aws.Sqs.SqsQueue"/> over fauxqs.</summary>
[Collection(FauxqsCollection.Name)]
[Trait("Category", "Slow")]
public sealed class FauxqsBatchPublisherTests(FauxqsFixture fauxqs) : SqsBatchPublisherTests, IAsyncLifetime
{
    private readonly SqsTestQueues _queues = new(fauxqs.Client);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _queues.DeleteAllAsync();

    protected override async Task<IMessageQueue> CreateQueueAsync(string name) => await _queues.CreateAsync(name, TimeSpan.FromSeconds(30));
}
