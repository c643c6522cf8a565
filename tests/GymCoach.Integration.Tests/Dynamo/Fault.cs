namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>What <see cref="DynamoFaultHandler"/> does to one request.</summary>
public enum Fault
{
    /// <summary>Passed through.</summary>
    None,

    /// <summary>Answered 400 ProvisionedThroughputExceededException, not sent.</summary>
    ProvisionedThroughputExceeded,

    /// <summary>Answered 400 ThrottlingException, not sent.</summary>
    Throttling,

    /// <summary>BatchWriteItem: the last half of the items is kept back and answered as UnprocessedItems; the rest is sent.</summary>
    HalfUnprocessed,

    /// <summary>TransactWriteItems: answered TransactionCanceledException with ThrottlingError for every item, not sent.</summary>
    TransactionThrottled,

    /// <summary>TransactWriteItems: answered TransactionCanceledException with TransactionConflict for every item, not sent.</summary>
    TransactionConflict,

    /// <summary>Sent and applied, but the response is lost: the caller sees a dropped connection.</summary>
    LoseResponse,
}
