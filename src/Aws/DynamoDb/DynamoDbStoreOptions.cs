using GymCoach.Workers.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Settings of <see cref="DynamoDbItemStore"/>: its table, retries and request concurrency.</summary>
public sealed class DynamoDbStoreOptions
{
    /// <summary>The table; default <see cref="TableDefinition.TableName"/> (<c>gymcoach</c>).</summary>
    public string TableName { get; init; } = TableDefinition.TableName;

    /// <summary>Attempts per request, the first included, before the store gives up with <see cref="DynamoDbStoreException"/>; default 8.</summary>
    /// <remarks>
    /// Throttling, transient errors (5xx, network), unprocessed batch items and transaction conflicts all draw on the
    /// same budget; throttling and unprocessed items go on past it within <see cref="ThrottledRetryWindow"/>. The SDK's
    /// own retries are off (<see cref="DynamoDbClientFactory"/>) so that every retry is counted.
    /// </remarks>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>How long after its first request an operation keeps retrying throttled requests once <see cref="MaxAttempts"/> is spent; default 20 s.</summary>
    /// <remarks>
    /// Throttling (and items BatchWriteItem leaves unprocessed, which is how it throttles part of a batch) is not an error
    /// but a request to slow down: giving up after a fixed count would fail messages that only had to wait. The caller's
    /// token ends the waiting sooner; in the workers that is the invocation's deadline, so a throttled chunk keeps backing
    /// off while the invocation has time. Zero: throttling draws on <see cref="MaxAttempts"/> like any other retry.
    /// </remarks>
    public TimeSpan ThrottledRetryWindow { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The first retry waits up to this long, doubling per retry (full jitter); default 50 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The most one retry waits; default 5 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How conditional writes are sent; default <see cref="ConditionalWriteMode.Transactions"/>.</summary>
    public ConditionalWriteMode ConditionalWrites { get; init; } = ConditionalWriteMode.Transactions;

    /// <summary>Requests one <c>WriteAsync</c> call keeps in flight; default 8.</summary>
    public int MaxConcurrentRequests { get; init; } = 8;

    /// <exception cref="ArgumentException">Every invalid setting, listed in one message.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(TableName) || TableName.Length is < 3 or > 255)
        {
            errors.Add("TableName must be 3-255 characters");
        }

        if (MaxAttempts < 1)
        {
            errors.Add("MaxAttempts must be at least 1");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            errors.Add("BaseDelay must not be negative and MaxDelay not below it");
        }

        if (ThrottledRetryWindow < TimeSpan.Zero || ThrottledRetryWindow > TimeSpan.FromMinutes(15))
        {
            errors.Add("ThrottledRetryWindow must be between 0 and 15 minutes");
        }

        if (!Enum.IsDefined(ConditionalWrites))
        {
            errors.Add($"ConditionalWrites {ConditionalWrites} is not a mode");
        }

        if (MaxConcurrentRequests < 1)
        {
            errors.Add("MaxConcurrentRequests must be at least 1");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid DynamoDbStoreOptions: " + string.Join("; ", errors) + ".");
        }
    }
}
