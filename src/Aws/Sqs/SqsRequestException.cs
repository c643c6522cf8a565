namespace GymCoach.Aws.Sqs;

/// <summary>An SQS request failed as a whole: the endpoint was unreachable, the SDK's retries ran out, or SQS answered with an error.</summary>
/// <remarks>Nothing of the request may be assumed done: no message of a failed send was queued, no handle of a failed delete acknowledged.</remarks>
public sealed class SqsRequestException : Exception
{
    public SqsRequestException()
    {
    }

    public SqsRequestException(string message)
        : base(message)
    {
    }

    public SqsRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SqsRequestException(string operation, string queueName, string? errorCode, Exception innerException)
        : base($"SQS {operation} on queue {queueName} failed{(errorCode is null ? string.Empty : " with " + errorCode)}: {innerException?.Message}", innerException)
    {
        Operation = operation;
        QueueName = queueName;
        ErrorCode = errorCode;
    }

    /// <summary>The SQS action, e.g. <c>ReceiveMessage</c>.</summary>
    public string? Operation { get; }

    public string? QueueName { get; }

    /// <summary>The SQS error code when SQS answered (e.g. <c>QueueDoesNotExist</c>), null when it could not be reached.</summary>
    public string? ErrorCode { get; }
}
