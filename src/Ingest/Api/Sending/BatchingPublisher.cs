using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Publishing;

namespace GymCoach.Ingest.Api.Sending;

/// <summary>Publishes through the auto-batching <see cref="SqsBatchPublisher"/>: concurrent requests share SendMessageBatch calls.</summary>
/// <remarks>Each request still completes only when every one of its messages has a message id from the queue.</remarks>
public sealed class BatchingPublisher(SqsBatchPublisher publisher) : IEventPublisher
{
    public async Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sends = new Task<string>[messages.Count];
        for (var i = 0; i < sends.Length; i++)
        {
            sends[i] = publisher.PublishAsync(messages[i], cancellationToken);
        }

        try
        {
            await Task.WhenAll(sends);
        }
        catch (PublishFailedException)
        {
            var failed = sends.Where(s => !s.IsCompletedSuccessfully).ToList();
            throw new EventPublishException(publisher.Queue.Name, failed.Count, sends.Length, failed[0].Exception?.InnerException?.Message);
        }
    }
}
