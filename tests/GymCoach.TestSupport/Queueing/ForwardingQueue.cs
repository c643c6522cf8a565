using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.TestSupport.Queueing;

/// <summary>Passes every call to a real queue; decorators override the send path only.</summary>
public abstract class ForwardingQueue(IMessageQueue inner) : IMessageQueue
{
    protected IMessageQueue Inner => inner;

    public string Name => inner.Name;

    public string Arn => inner.Arn;

    public abstract Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken);

    public Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(maxMessages, waitTime, cancellationToken);

    public Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken) =>
        inner.DeleteBatchAsync(receiptHandles, cancellationToken);

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        inner.ChangeVisibilityAsync(receiptHandle, visibilityTimeout, cancellationToken);

    public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken) => inner.GetCountsAsync(cancellationToken);

    public Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken) => inner.GetVisibilityTimeoutAsync(cancellationToken);
}
