using GymCoach.Contracts.Queueing;
using GymCoach.Ingest.Api.Sending;

namespace GymCoach.Ingest.Tests.Support;

/// <summary>Fails its first <paramref name="failures"/> publishes as an unreachable queue would, then sends for real; records the calls.</summary>
internal sealed class FlakyPublisher(IMessageQueue queue, int failures) : IEventPublisher
{
    private readonly QueuePublisher _inner = new(queue);
    private int _calls;

    public int Calls => _calls;

    public Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _calls) <= failures
            ? throw new EventPublishException(queue.Name, messages.Count, messages.Count, "simulated outage")
            : _inner.PublishAsync(messages, cancellationToken);
}
