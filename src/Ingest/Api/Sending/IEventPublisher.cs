using GymCoach.Contracts.Queueing;

namespace GymCoach.Ingest.Api.Sending;

/// <summary>Puts the API's messages on a queue: the seam between the HTTP API and how it sends (one call per request, or auto-batched).</summary>
public interface IEventPublisher
{
    /// <summary>Sends the messages; completes only once every one of them is durably in the queue.</summary>
    /// <exception cref="EventPublishException">One or more messages could not be sent; others may have been.</exception>
    Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken);
}
