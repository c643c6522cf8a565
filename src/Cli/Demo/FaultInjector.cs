using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;

namespace GymCoach.Cli.Demo;

/// <summary>Fails some deliveries of the workers' messages with a transient error, so partial-batch retries happen.</summary>
/// <remarks>
/// Whether a delivery fails depends only on the seed, the message id and its receive count, so it does not depend on
/// how messages interleave. Only the first <see cref="FailingDeliveries"/> deliveries of a message may fail:
/// transient failures recover, and the queue's redrive (after more receives) never takes a healthy message.
/// </remarks>
internal sealed class FaultInjector(double failureRate, int seed)
{
    public const int FailingDeliveries = 3;

    private readonly ulong _threshold = (ulong)(failureRate * ulong.MaxValue);
    private long _injected;

    public long Injected => Interlocked.Read(ref _injected);

    public IMessageHandler Wrap(IMessageHandler handler) => new FaultInjectingHandler(handler, this);

    /// <summary>Throws <see cref="InjectedFaultException"/> when this delivery of <paramref name="message"/> is one to fail.</summary>
    public void MaybeFail(SqsMessage message)
    {
        if (message.ApproximateReceiveCount > FailingDeliveries
            || StableHash.Of($"{seed}/{message.MessageId}/{message.ApproximateReceiveCount}") >= _threshold)
        {
            return;
        }

        Interlocked.Increment(ref _injected);
        throw new InjectedFaultException(message.MessageId);
    }
}
