using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Producer.Tests.Support;

/// <summary>A queue that records every message sent to it and passes every call on to a real queue.</summary>
internal sealed class RecordingQueue(IMessageQueue inner) : IMessageQueue
{
    private readonly List<OutgoingMessage> _sent = [];
    private int _batches;

    /// <summary>SendMessageBatch calls made.</summary>
    public int Batches => Volatile.Read(ref _batches);

    public IReadOnlyList<OutgoingMessage> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public string Name => inner.Name;

    public string Arn => inner.Arn;

    public Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.AddRange(messages);
        }

        Interlocked.Increment(ref _batches);
        return inner.SendBatchAsync(messages, cancellationToken);
    }

    public Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(maxMessages, waitTime, cancellationToken);

    public Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken) =>
        inner.DeleteBatchAsync(receiptHandles, cancellationToken);

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        inner.ChangeVisibilityAsync(receiptHandle, visibilityTimeout, cancellationToken);

    public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken) => inner.GetCountsAsync(cancellationToken);

    public Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken) => inner.GetVisibilityTimeoutAsync(cancellationToken);
}
