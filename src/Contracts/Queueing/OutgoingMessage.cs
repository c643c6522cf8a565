namespace GymCoach.Contracts.Queueing;

/// <summary>A message to send. <see cref="MessageGroupId"/> is required on FIFO queues and ignored elsewhere.</summary>
public sealed record OutgoingMessage
{
    public required string Body { get; init; }

    /// <summary>String message attributes (for example the correlation id or a dead-letter reason).</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public string? MessageGroupId { get; init; }

    public string? DeduplicationId { get; init; }

    public TimeSpan Delay { get; init; }
}
