using GymCoach.Contracts.Lambda;

namespace GymCoach.Embedded.Queueing;

/// <summary>One message held by an <see cref="EmbeddedQueue"/>: what was sent, plus its delivery state.</summary>
/// <remarks>The get-only members never change; the settable ones are guarded by the owning queue's lock.</remarks>
internal sealed class QueuedMessage
{
    public QueuedMessage(SentContent content, long sentAtMs)
    {
        Content = content;
        SentAtMs = sentAtMs;
    }

    public SentContent Content { get; }

    public long SentAtMs { get; }

    /// <summary>FIFO only: the order of the message in its queue, as SQS's <c>SequenceNumber</c>.</summary>
    public string? SequenceNumber { get; set; }

    /// <summary>Set on messages that were redriven here: the ARN of the queue they came from.</summary>
    public string? DeadLetterSourceArn { get; set; }

    public MessageState State { get; set; }

    public int ReceiveCount { get; set; }

    public long? FirstReceiveMs { get; set; }

    /// <summary>The handle of the latest receive; earlier handles are stale.</summary>
    public string? ReceiptHandle { get; set; }

    /// <summary>When a delayed message becomes visible, or an in-flight message visible again (UTC ticks).</summary>
    public long DueTicks { get; set; }

    /// <summary>The message's slot in the <see cref="DueHeap"/>, or -1 when it is not scheduled.</summary>
    public int HeapIndex { get; set; } = -1;

    public LinkedListNode<QueuedMessage>? SendOrderNode { get; set; }

    public MessageGroup? Group { get; set; }

    public LinkedListNode<QueuedMessage>? GroupNode { get; set; }

    /// <summary>A fresh message for the dead-letter queue with the same id, content, timestamps and receive count.</summary>
    public QueuedMessage ForDeadLetter(string sourceArn) => new(Content, SentAtMs)
    {
        DeadLetterSourceArn = sourceArn,
        ReceiveCount = ReceiveCount,
        FirstReceiveMs = FirstReceiveMs,
    };
}

/// <summary>The immutable part of a sent message, shared by every delivery of it.</summary>
internal sealed record SentContent(
    string MessageId,
    string Body,
    string Md5OfBody,
    IReadOnlyDictionary<string, SqsMessageAttribute> Attributes,
    string? Md5OfMessageAttributes,
    string? GroupId,
    string? DeduplicationId);
