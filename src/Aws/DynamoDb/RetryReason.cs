namespace GymCoach.Aws.DynamoDb;

/// <summary>Why a request is sent again.</summary>
internal enum RetryReason
{
    Throttled,
    TransientError,
    UnprocessedItems,
    TransactionConflict,
}
