namespace GymCoach.Workers.Queueing;

/// <summary>SQS's limits on a receive and a visibility change, enforced alike by the embedded queue and the SQS adapter.</summary>
public static class QueueLimits
{
    /// <summary>The longest long-poll wait of one receive (20 s).</summary>
    public static readonly TimeSpan MaxWaitTime = TimeSpan.FromSeconds(20);

    /// <summary>The longest visibility timeout SQS accepts (12 hours).</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromHours(12);
}
