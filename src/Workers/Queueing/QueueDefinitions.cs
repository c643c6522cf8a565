namespace GymCoach.Workers.Queueing;

/// <summary>The pipeline's queues: the one definition the local backends, the tests and infrastructure/template.yaml follow.</summary>
public static class QueueDefinitions
{
    /// <summary>The worker functions' timeout.</summary>
    public static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The event source mappings' MaximumBatchingWindow.</summary>
    public static readonly TimeSpan BatchingWindow = TimeSpan.FromSeconds(10);

    /// <summary>6 × <see cref="FunctionTimeout"/> + <see cref="BatchingWindow"/> = 190 s, so a message is not redelivered while a retried invocation may still hold it.</summary>
    public static readonly TimeSpan ProductionVisibilityTimeout = (6 * FunctionTimeout) + BatchingWindow;

    /// <summary>Writes from producers (workouts, profiles), read by the writes worker.</summary>
    public static QueueDefinition Writes { get; } = new() { Name = "gymcoach-writes" };

    /// <summary>Analytics-recompute requests, read by the analytics worker.</summary>
    public static QueueDefinition Analytics { get; } = new() { Name = "gymcoach-analytics" };

    public static IReadOnlyList<QueueDefinition> All { get; } = [Writes, Analytics];
}
