namespace GymCoach.Aws.Sqs;

/// <summary>Settings of <see cref="ThrottleBackoffQueue"/>: how it backs off while SQS throttles, and for how long.</summary>
public sealed class ThrottleBackoffOptions
{
    /// <summary>The first retry waits up to this long, doubling per retry (full jitter); default 50 ms, 0 to 10 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The most one retry waits; default 2 s, at least <see cref="BaseDelay"/>, at most 1 min.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after its first request a call keeps retrying throttled requests; default 20 s, 0 to 15 min.</summary>
    /// <remarks>The caller's token ends it sooner: in the workers, the invocation's deadline.</remarks>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromSeconds(20);

    /// <exception cref="ArgumentException">Every invalid setting, listed in one message.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromSeconds(10))
        {
            errors.Add($"BaseDelay must be between 0 and 10 s, was {BaseDelay}");
        }

        if (MaxDelay < BaseDelay || MaxDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add($"MaxDelay must be between BaseDelay and 1 minute, was {MaxDelay}");
        }

        if (RetryWindow < TimeSpan.Zero || RetryWindow > TimeSpan.FromMinutes(15))
        {
            errors.Add($"RetryWindow must be between 0 and 15 minutes, was {RetryWindow}");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ThrottleBackoffOptions: " + string.Join("; ", errors) + ".");
        }
    }
}
