using GymCoach.Contracts.Queueing;
using GymCoach.Integration.Tests.Sqs.Support;
using GymCoach.Workers.Tests.Queueing;

namespace GymCoach.Integration.Tests.Sqs;

/// <summary>The whole queue contract against <see cref="Aws.Sqs.SqsQueue"/> on fauxqs: it must pass exactly as on the embedded queue.</summary>
[Collection(FauxqsCollection.Name)]
[Trait("Category", "Slow")]
public sealed class FauxqsQueueContractTests(FauxqsFixture fauxqs) : MessageQueueContractTests, IAsyncLifetime
{
    private readonly SqsTestQueues _queues = new(fauxqs.Client);

    /// <summary>fauxqs 1.9.2 quirk: DeleteMessageBatch reports an invalid receipt handle as deleted; SQS fails it with ReceiptHandleIsInvalid.</summary>
    protected override bool ReportsInvalidReceiptHandlesOnDelete => false;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _queues.DeleteAllAsync();

    protected override async Task<IMessageQueue> CreateQueueAsync(string name, TimeSpan visibilityTimeout, int? maxReceiveCount, CancellationToken cancellationToken) =>
        await _queues.CreateAsync(name, visibilityTimeout, maxReceiveCount);

    protected override IMessageQueue GetDeadLetterQueue(IMessageQueue queue) => _queues.DeadLetterQueueOf(queue);
}
