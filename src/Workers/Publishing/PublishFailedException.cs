namespace GymCoach.Workers.Publishing;

/// <summary>A published message did not reach its queue: SQS refused it, or every attempt to send it failed.</summary>
public sealed class PublishFailedException : Exception
{
    public PublishFailedException()
    {
    }

    public PublishFailedException(string message)
        : base(message)
    {
    }

    public PublishFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public PublishFailedException(string message, bool senderFault, int attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        SenderFault = senderFault;
        Attempts = attempts;
    }

    /// <summary>SQS refused the message itself (invalid content, missing FIFO group): sending it again cannot help.</summary>
    public bool SenderFault { get; }

    /// <summary>How many times the message was sent.</summary>
    public int Attempts { get; }

    /// <summary>The queue's own error for the last attempt (an entry's error code and message, or the failed call's message), if known.</summary>
    public string? QueueError { get; init; }
}
