using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Queueing;

/// <summary>One queue of the pipeline and its dead-letter queue, described once for every backend and the template.</summary>
public sealed record QueueDefinition
{
    /// <summary>The queue name; a name ending in <c>.fifo</c> makes a FIFO queue (and a FIFO dead-letter queue). Required.</summary>
    public required string Name { get; init; }

    /// <summary>How long a received message stays hidden. Default 190 s: 6 × the 30 s function timeout + the 10 s batching window, as AWS advises for Lambda.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = QueueDefinitions.ProductionVisibilityTimeout;

    /// <summary>Receives after which SQS moves a message to the dead-letter queue. Default 5; null: no dead-letter queue.</summary>
    public int? MaxReceiveCount { get; init; } = 5;

    /// <summary>How long SQS keeps an undeleted message. Default 4 days (the SQS default).</summary>
    public TimeSpan MessageRetention { get; init; } = TimeSpan.FromDays(4);

    /// <summary>How long the dead-letter queue keeps a message. Default 14 days, the SQS maximum, to leave time for a redrive.</summary>
    public TimeSpan DeadLetterRetention { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Server-side encryption with SQS-owned keys (<c>SqsManagedSseEnabled</c>). Default true.</summary>
    public bool SqsManagedEncryption { get; init; } = true;

    /// <summary>FIFO only: derive missing deduplication ids from the body. Default false.</summary>
    public bool ContentBasedDeduplication { get; init; }

    public bool IsFifo => FifoQueueNames.IsFifo(Name);

    /// <summary>The dead-letter queue's name: <c>name-dlq</c>, or <c>name-dlq.fifo</c> for a FIFO queue; null without one.</summary>
    public string? DeadLetterName => MaxReceiveCount is null ? null : FifoQueueNames.Stem(Name) + "-dlq" + (IsFifo ? FifoQueueNames.Suffix : string.Empty);
}
