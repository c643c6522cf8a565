namespace GymCoach.Contracts.Lambda;

/// <summary>Names of the SQS system attributes Lambda copies into <see cref="SqsMessage.Attributes"/>.</summary>
public static class SqsSystemAttributes
{
    public const string ApproximateReceiveCount = "ApproximateReceiveCount";
    public const string SentTimestamp = "SentTimestamp";
    public const string SenderId = "SenderId";
    public const string ApproximateFirstReceiveTimestamp = "ApproximateFirstReceiveTimestamp";
    public const string SequenceNumber = "SequenceNumber";
    public const string MessageGroupId = "MessageGroupId";
    public const string MessageDeduplicationId = "MessageDeduplicationId";
}
