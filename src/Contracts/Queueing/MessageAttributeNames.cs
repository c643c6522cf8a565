namespace GymCoach.Contracts.Queueing;

/// <summary>Message attribute names the pipeline sets on its own messages.</summary>
public static class MessageAttributeNames
{
    /// <summary>Travels from the producer through every queue into every log line for that message.</summary>
    public const string CorrelationId = "correlationId";

    /// <summary>Why a message was sent to a dead-letter queue.</summary>
    public const string FailureReason = "failureReason";

    /// <summary>The queue a dead-lettered message came from.</summary>
    public const string SourceQueue = "sourceQueue";
}
