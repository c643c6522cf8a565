namespace GymCoach.Contracts.Queueing;

/// <summary>Approximate counts as SQS reports them (ApproximateNumberOfMessages, …NotVisible, …Delayed).</summary>
/// <param name="OldestMessageAge">Age of the oldest message when the backend can tell (SQS reports it only as a CloudWatch metric).</param>
public sealed record QueueCounts(long Visible, long InFlight, long Delayed, TimeSpan? OldestMessageAge = null)
{
    public long Total => Visible + InFlight + Delayed;
}
