namespace GymCoach.Aws.DynamoDb;

/// <summary>What a <see cref="DynamoDbItemStore"/> has sent and retried since it was created, for metrics.</summary>
/// <param name="Requests">Requests sent, retries included.</param>
/// <param name="Retries">Requests sent again after throttling, a transient error, unprocessed items or a transaction conflict.</param>
/// <param name="Throttles">Throttling answers (ProvisionedThroughputExceeded, ThrottlingException, RequestLimitExceeded), whole requests or transaction items.</param>
/// <param name="UnprocessedItems">Items BatchWriteItem handed back unprocessed.</param>
/// <param name="TransactionConflicts">Transactions cancelled by a concurrent write to one of their items.</param>
public readonly record struct DynamoDbStoreStatistics(long Requests, long Retries, long Throttles, long UnprocessedItems, long TransactionConflicts)
{
    /// <summary>Every time DynamoDB asked to slow down: throttling answers and unprocessed items (how BatchWriteItem throttles part of a batch).</summary>
    public long SlowDowns => Throttles + UnprocessedItems;
}
