namespace GymCoach.Workers.Logging;

/// <summary>The fixed vocabulary of log event properties: use these names (PascalCase) in message templates and <c>ForContext</c>.</summary>
/// <remarks>One name per concept across every component, so one CloudWatch Logs Insights query finds a message's whole path.</remarks>
public static class LogProperties
{
    /// <summary>The SQS message id.</summary>
    public const string MessageId = "MessageId";

    /// <summary>The CloudEvents type, e.g. <c>gymcoach.workout.logged.v1</c>.</summary>
    public const string EventType = "EventType";

    /// <summary>The user a message or request is about (an opaque id, never a name).</summary>
    public const string UserId = "UserId";

    public const string QueueName = "QueueName";

    public const string ChunkIndex = "ChunkIndex";

    /// <summary>How many messages or entries failed.</summary>
    public const string FailureCount = "FailureCount";

    public const string DurationMs = "DurationMs";

    /// <summary>The producer's correlation id, carried in the <c>correlationId</c> message attribute.</summary>
    public const string CorrelationId = "CorrelationId";

    /// <summary>How many chunks a worker may run at once (<c>ChunkConcurrencyLimiter</c>).</summary>
    public const string ConcurrencyLimit = "ConcurrencyLimit";

    /// <summary>Every name above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [MessageId, EventType, UserId, QueueName, ChunkIndex, FailureCount, DurationMs, CorrelationId, ConcurrencyLimit];
}
