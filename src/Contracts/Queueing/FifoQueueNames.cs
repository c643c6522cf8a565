namespace GymCoach.Contracts.Queueing;

/// <summary>SQS's naming rule for FIFO queues, in one place: a FIFO queue's name (and so its ARN) ends in <c>.fifo</c>.</summary>
public static class FifoQueueNames
{
    /// <summary>The suffix SQS requires of every FIFO queue name.</summary>
    public const string Suffix = ".fifo";

    /// <summary>Whether <paramref name="nameOrArn"/> names a FIFO queue; an ARN ends in the queue name, so it works for both.</summary>
    public static bool IsFifo(string? nameOrArn) => nameOrArn is not null && nameOrArn.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>The name without its <c>.fifo</c> suffix, to derive related names such as the dead-letter queue's.</summary>
    public static string Stem(string name) => IsFifo(name) ? name[..^Suffix.Length] : name;
}
