using Amazon.DynamoDBv2.Model;
using GymCoach.Contracts.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Reads a cancelled TransactWriteItems' reasons, one per item sent, the same way for every transaction writer.</summary>
internal static class TransactionCancellation
{
    /// <summary>What happened to one item of a cancelled transaction.</summary>
    public enum ItemOutcome
    {
        /// <summary>Its condition failed: an answer, not an error.</summary>
        ConditionFailed,

        /// <summary>Not applied because of another item: send it again at once.</summary>
        NotApplied,

        /// <summary>Another writer touched it at the same moment: send it again after a backoff.</summary>
        Conflicted,

        /// <summary>Throttled: send it again after a backoff.</summary>
        Throttled,
    }

    /// <summary>One outcome per item sent, in order.</summary>
    /// <exception cref="DynamoDbStoreException">The cancellation has no reason per item, or an item was refused for a reason no retry can fix.</exception>
    public static ItemOutcome[] Outcomes(TransactionCanceledException cancelled, IReadOnlyList<StoredItem> sent, string tableName)
    {
        var reasons = cancelled.CancellationReasons;
        if (reasons is null || reasons.Count != sent.Count)
        {
            throw new DynamoDbStoreException($"TransactWriteItems on table '{tableName}' was cancelled without a reason per item: {cancelled.Message}", cancelled);
        }

        var outcomes = new ItemOutcome[sent.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = reasons[i].Code switch
            {
                "ConditionalCheckFailed" => ItemOutcome.ConditionFailed,
                null or "" or "None" => ItemOutcome.NotApplied,
                "TransactionConflict" => ItemOutcome.Conflicted,
                "ThrottlingError" or "ProvisionedThroughputExceeded" or "RequestLimitExceeded" => ItemOutcome.Throttled,
                _ => throw new DynamoDbStoreException(
                    $"TransactWriteItems on table '{tableName}' refused item {sent[i].PartitionKey}/{sent[i].SortKey}: {reasons[i].Code}: {reasons[i].Message}", cancelled),
            };
        }

        return outcomes;
    }

    /// <summary>The stored item a failed condition returned (ALL_OLD), or null when DynamoDB left it out.</summary>
    public static StoredItem? Existing(TransactionCanceledException cancelled, int index) =>
        cancelled.CancellationReasons[index].Item is { Count: > 0 } old ? ItemAttributes.ToItem(old) : null;

    /// <summary>Why to wait before sending again: throttling over conflicts; null when nothing asks for a wait.</summary>
    public static RetryReason? BackOff(ItemOutcome[] outcomes) =>
        outcomes.Contains(ItemOutcome.Throttled) ? RetryReason.Throttled
        : outcomes.Contains(ItemOutcome.Conflicted) ? RetryReason.TransactionConflict
        : null;
}
