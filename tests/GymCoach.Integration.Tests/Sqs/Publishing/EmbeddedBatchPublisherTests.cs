using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.Queueing;

namespace GymCoach.Integration.Tests.Sqs.Publishing;

/// <summary>The publisher on the embedded queue.</summary>
public sealed class EmbeddedBatchPublisherTests : SqsBatchPublisherTests
{
    protected override Task<IMessageQueue> CreateQueueAsync(string name) =>
        Task.FromResult<IMessageQueue>(new EmbeddedQueue(new EmbeddedQueueOptions { Name = name }));
}
