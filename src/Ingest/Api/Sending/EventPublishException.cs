namespace GymCoach.Ingest.Api.Sending;

/// <summary>Some messages of a publish did not reach the queue; the request that sent them is answered 503 and may be retried.</summary>
public sealed class EventPublishException : Exception
{
    public EventPublishException()
        : this("Messages could not be sent to the queue.")
    {
    }

    public EventPublishException(string message)
        : base(message)
    {
    }

    public EventPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EventPublishException(string queueName, int failed, int total, string? firstError)
        : base($"{failed} of {total} messages could not be sent to {queueName}: {firstError}")
    {
        QueueName = queueName;
        FailureCount = failed;
    }

    public string? QueueName { get; }

    public int FailureCount { get; }
}
