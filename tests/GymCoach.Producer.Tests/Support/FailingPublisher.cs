using GymCoach.Contracts.Queueing;
using GymCoach.Ingest.Api.Sending;

namespace GymCoach.Producer.Tests.Support;

/// <summary>Fails its first <paramref name="failures"/> publishes as an unreachable queue would (the API answers 503), then sends for real.</summary>
internal sealed class FailingPublisher(IMessageQueue queue, int failures) : IEventPublisher
{
    private readonly QueuePublisher _inner = new(queue);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _calls) <= failures
            ? throw new EventPublishException(queue.Name, messages.Count, messages.Count, "simulated outage")
            : _inner.PublishAsync(messages, cancellationToken);
}
