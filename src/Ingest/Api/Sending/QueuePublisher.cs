using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Publishing;

namespace GymCoach.Ingest.Api.Sending;

/// <summary>Sends each request's messages straight to the queue with SendMessageBatch (10 at a time, failed entries retried).</summary>
public sealed class QueuePublisher(IMessageQueue queue) : IEventPublisher
{
    public async Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var outcomes = await RetryingBatchSend.SendAsync(queue, messages, cancellationToken: cancellationToken);
        var failed = 0;
        string? firstError = null;
        foreach (var outcome in outcomes)
        {
            if (!outcome.Succeeded)
            {
                failed++;
                firstError ??= outcome.Error;
            }
        }

        if (failed > 0)
        {
            throw new EventPublishException(queue.Name, failed, outcomes.Length, firstError);
        }
    }
}
