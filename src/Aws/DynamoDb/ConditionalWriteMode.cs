namespace GymCoach.Aws.DynamoDb;

/// <summary>How <see cref="DynamoDbItemStore"/> sends conditional writes.</summary>
public enum ConditionalWriteMode
{
    /// <summary>TransactWriteItems of up to 100 items: one request per 100 writes, idempotent retries (ClientRequestToken), twice the write capacity.</summary>
    Transactions,

    /// <summary>One PutItem per write, sent concurrently: plain write capacity, one request per write.</summary>
    Puts,
}
