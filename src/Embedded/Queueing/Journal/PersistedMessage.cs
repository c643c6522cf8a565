namespace GymCoach.Embedded.Queueing.Journal;

/// <summary>A message of an <see cref="EmbeddedQueue"/> as a journal keeps it: what was sent, and what a restart must know of its deliveries.</summary>
/// <remarks>Receipt handles and visibility are left out on purpose: the process that held them is gone when the state is loaded again.</remarks>
public sealed record PersistedMessage
{
    /// <summary>Kept across restarts, so a message id from <c>dlq list</c> still names the message later.</summary>
    public required string MessageId { get; init; }

    public required string Body { get; init; }

    /// <summary>The string attributes it was sent with; null when none.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public string? GroupId { get; init; }

    public string? DeduplicationId { get; init; }

    public string? SequenceNumber { get; init; }

    public long SentAtMs { get; init; }

    /// <summary>Until when a delayed message stays hidden (Unix milliseconds); 0 when it was sent without delay.</summary>
    public long VisibleAfterMs { get; init; }

    public int ReceiveCount { get; init; }

    public long? FirstReceiveMs { get; init; }

    /// <summary>Set on a dead letter: the ARN of the queue that redrove it.</summary>
    public string? DeadLetterSourceArn { get; init; }
}
