using GymCoach.Contracts.Queueing;
using GymCoach.Embedded.Queueing;

namespace GymCoach.Workers.Tests.Queueing;

/// <summary>Runs the queue contract against <see cref="EmbeddedQueue"/>.</summary>
public sealed class EmbeddedQueueContractTests : MessageQueueContractTests
{
    protected override Task<IMessageQueue> CreateQueueAsync(string name, TimeSpan visibilityTimeout, int? maxReceiveCount, CancellationToken cancellationToken)
    {
        var fifo = name.EndsWith(".fifo", StringComparison.Ordinal);
        var deadLetters = maxReceiveCount is null
            ? null
            : new EmbeddedQueue(new EmbeddedQueueOptions { Name = fifo ? name[..^5] + "-dlq.fifo" : name + "-dlq" });
        var queue = new EmbeddedQueue(new EmbeddedQueueOptions
        {
            Name = name,
            VisibilityTimeout = visibilityTimeout,
            MaxReceiveCount = maxReceiveCount,
            DeadLetterQueue = deadLetters,
        });
        return Task.FromResult<IMessageQueue>(queue);
    }

    protected override IMessageQueue GetDeadLetterQueue(IMessageQueue queue) =>
        ((EmbeddedQueue)queue).DeadLetterQueue ?? throw new InvalidOperationException($"Queue {queue.Name} has no dead-letter queue.");
}
