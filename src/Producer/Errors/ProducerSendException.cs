using System.Globalization;

namespace GymCoach.Producer;

/// <summary>SQS transport: some of a call's messages did not reach the queue after the publisher's retries.</summary>
/// <remarks>Others of the same call may be queued. Workers drop duplicates by workout id, so sending the data again is safe.</remarks>
public sealed class ProducerSendException : GymCoachProducerException
{
    public ProducerSendException()
        : this("The events could not be sent to the queue.")
    {
    }

    public ProducerSendException(string message)
        : base(message)
    {
    }

    public ProducerSendException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ProducerSendException(string queueName, int failed, int total, Exception? firstFailure)
        : base(string.Create(CultureInfo.InvariantCulture, $"{failed} of {total} events could not be sent to {queueName}: {firstFailure?.Message}"), firstFailure)
    {
        QueueName = queueName;
        FailureCount = failed;
    }

    public string? QueueName { get; }

    /// <summary>How many of the call's events are not in the queue.</summary>
    public int FailureCount { get; }
}
