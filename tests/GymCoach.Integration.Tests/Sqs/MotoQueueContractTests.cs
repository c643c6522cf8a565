using GymCoach.Contracts.Queueing;
using GymCoach.Integration.Tests.Sqs.Support;
using GymCoach.Workers.Tests.Queueing;

namespace GymCoach.Integration.Tests.Sqs;

/// <summary>
/// A shallow subset of the queue contract against <see cref="Aws.Sqs.SqsQueue"/> on moto, a second,
/// independent SQS implementation: the round trip, batches, visibility, deletes, redrive, long polling, counts and FIFO order.
/// </summary>
/// <remarks>
/// Left out, because moto 5.2.1 differs from SQS there (fauxqs and the embedded queue agree with SQS's documentation):
/// a delete with a stale receipt handle deletes the message (SQS: succeeds without deleting), a FIFO duplicate within
/// the deduplication window gets a new message id (SQS: the original's), and FIFO sequence numbers are random instead
/// of increasing. The argument-limit tests are left out because they never reach the server.
/// </remarks>
[Collection(MotoCollection.Name)]
[Trait("Category", "Slow")]
public sealed class MotoQueueContractTests(MotoFixture moto) : IAsyncLifetime
{
    private readonly Contract _contract = new(new SqsTestQueues(moto.Client));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _contract.Queues.DeleteAllAsync();

    [Fact]
    public Task SentMessage_IsReceivedWithItsBodyAttributesAndSqsMetadata() => _contract.SentMessage_IsReceivedWithItsBodyAttributesAndSqsMetadata();

    [Fact]
    public Task BatchOfTen_ReportsOneOutcomePerEntry_InOrder() => _contract.BatchOfTen_ReportsOneOutcomePerEntry_InOrder();

    [Fact]
    public Task InvalidCharacters_FailOnlyTheirEntry_AsSenderFault() => _contract.InvalidCharacters_FailOnlyTheirEntry_AsSenderFault();

    [Fact]
    public Task TheQueue_ReportsTheVisibilityTimeoutItWasCreatedWith() => _contract.TheQueue_ReportsTheVisibilityTimeoutItWasCreatedWith();

    [Fact]
    public Task ReceivedMessage_StaysHiddenForTheVisibilityTimeout_ThenReturnsWithReceiveCountTwo() =>
        _contract.ReceivedMessage_StaysHiddenForTheVisibilityTimeout_ThenReturnsWithReceiveCountTwo();

    [Fact]
    public Task DeletedMessage_LeavesTheQueue() => _contract.DeletedMessage_LeavesTheQueue();

    [Fact]
    public Task DeleteBatch_ReportsAnInvalidHandle_AndStillDeletesTheOthers() => _contract.DeleteBatch_ReportsAnInvalidHandle_AndStillDeletesTheOthers();

    [Fact]
    public Task ChangingVisibilityToZero_MakesTheMessageReceivableAtOnce() => _contract.ChangingVisibilityToZero_MakesTheMessageReceivableAtOnce();

    [Fact]
    public Task ChangingVisibility_WithAnUnknownReceiptHandle_Throws() => _contract.ChangingVisibility_WithAnUnknownReceiptHandle_Throws();

    [Fact]
    public Task MessageReceivedMaxReceiveCountTimes_MovesToTheDeadLetterQueue_WithItsBodyAndAttributes() =>
        _contract.MessageReceivedMaxReceiveCountTimes_MovesToTheDeadLetterQueue_WithItsBodyAndAttributes();

    [Fact]
    public Task LongPoll_ReturnsAsSoonAsAMessageIsSent() => _contract.LongPoll_ReturnsAsSoonAsAMessageIsSent();

    [Fact]
    public Task Counts_ReportVisibleInFlightAndDelayedMessages() => _contract.Counts_ReportVisibleInFlightAndDelayedMessages();

    [Fact]
    public Task Fifo_DeliversEachGroupInSendOrder() => _contract.Fifo_DeliversEachGroupInSendOrder();

    [Fact]
    public Task Fifo_HoldsBackAGroupWhileOneOfItsMessagesIsInFlight_ButNotOtherGroups() =>
        _contract.Fifo_HoldsBackAGroupWhileOneOfItsMessagesIsInFlight_ButNotOtherGroups();

    [Fact]
    public Task Fifo_MessageWithoutGroup_FailsAsSenderFault() => _contract.Fifo_MessageWithoutGroup_FailsAsSenderFault();

    /// <summary>Not public, so xUnit does not run the whole inherited suite; the facts above pick from it.</summary>
    private sealed class Contract(SqsTestQueues queues) : MessageQueueContractTests
    {
        public SqsTestQueues Queues => queues;

        protected override async Task<IMessageQueue> CreateQueueAsync(string name, TimeSpan visibilityTimeout, int? maxReceiveCount, CancellationToken cancellationToken) =>
            await queues.CreateAsync(name, visibilityTimeout, maxReceiveCount);

        protected override IMessageQueue GetDeadLetterQueue(IMessageQueue queue) => queues.DeadLetterQueueOf(queue);
    }
}
