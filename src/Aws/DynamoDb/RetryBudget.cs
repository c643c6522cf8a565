namespace GymCoach.Aws.DynamoDb;

/// <summary>The attempts one logical operation (a batch, a transaction, a page) has used, shared by all of its retries.</summary>
internal sealed class RetryBudget(DynamoDbRetryPolicy policy, string operation)
{
    public string Operation => operation;

    /// <summary>When the operation started (a <see cref="TimeProvider"/> timestamp), for the throttled retry window.</summary>
    public long StartedAt { get; init; }

    /// <summary>Requests made so far, the first included.</summary>
    public int Attempts { get; set; } = 1;

    /// <summary>Whether an attempt failed in a way that leaves open whether DynamoDB applied it (a dropped connection, a 5xx).</summary>
    public bool SawTransientError { get; set; }

    /// <summary>Waits before the next attempt, or throws <see cref="DynamoDbStoreException"/> when none is left.</summary>
    public Task BackOffAsync(RetryReason reason, Exception? cause, CancellationToken cancellationToken) =>
        policy.BackOffAsync(this, reason, cause, cancellationToken);
}
