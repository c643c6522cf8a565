using GymCoach.Contracts.Lambda;

namespace GymCoach.Contracts.Queueing;

/// <summary>An SQS queue: the seam between the pipeline and its embedded, emulated or real queue.</summary>
/// <remarks>
/// Every implementation keeps SQS semantics: at-least-once delivery, a visibility timeout after receive, redelivery
/// with a growing <c>ApproximateReceiveCount</c>, and redrive to the dead-letter queue after <c>maxReceiveCount</c>.
/// Batch calls report per-entry failures instead of throwing for them.
/// </remarks>
public interface IMessageQueue
{
    /// <summary>The queue name; FIFO queue names end in <c>.fifo</c>.</summary>
    string Name { get; }

    /// <summary>The queue ARN, passed to workers as <c>eventSourceARN</c>.</summary>
    string Arn { get; }

    /// <summary>Whether this is a FIFO queue: messages need a group id and are delivered in order within their group.</summary>
    /// <remarks>Follows from the name by SQS's rule (<see cref="FifoQueueNames"/>); decorators forward their inner queue's answer.</remarks>
    bool IsFifo => FifoQueueNames.IsFifo(Name);

    /// <summary>Sends up to 10 messages (SendMessageBatch); the outcome list is in the order of <paramref name="messages"/>.</summary>
    Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken);

    /// <summary>Receives up to <paramref name="maxMessages"/> (1–10) messages, waiting up to <paramref name="waitTime"/> (long poll, ≤ 20 s) for the first.</summary>
    /// <remarks>Messages carry their system attributes, message attributes, receipt handle and the queue ARN.</remarks>
    Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken);

    /// <summary>Deletes up to 10 messages by receipt handle; returns the handles that could not be deleted.</summary>
    Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken);

    /// <summary>Changes the visibility timeout of a received message; zero makes it visible again at once.</summary>
    Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Approximate message counts, as SQS reports them.</summary>
    Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken);

    /// <summary>The queue's visibility timeout (its <c>VisibilityTimeout</c> attribute): how long a received message stays hidden.</summary>
    /// <remarks>Read from the queue on every call, as GetQueueAttributes does, so it reflects a changed attribute.</remarks>
    Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken);
}
