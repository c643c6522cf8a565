namespace GymCoach.Workers.Storage.Dynamo;

/// <summary>Why a request is sent again.</summary>
internal enum RetryReason
{
    Throttled,
    TransientError,
    UnprocessedItems,
    TransactionConflict,
}
