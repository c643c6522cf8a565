using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Storage.Dynamo;

/// <summary>Writes up to 100 writes all or nothing with one TransactWriteItems, retrying conflicts and throttling, never a refused condition.</summary>
/// <remarks>
/// Unlike <see cref="TransactionItemWriter"/>, which sends the other writes again without the refused ones, a refused
/// condition here ends the call: the caller asked for all or nothing and decides what to do next. Each attempt has its
/// own ClientRequestToken; a transient error retries the same request (same token), so a commit whose response was
/// lost is answered with success rather than refused by its own items.
/// </remarks>
internal sealed class AtomicItemWriter(IAmazonDynamoDB client, DynamoDbRetryPolicy policy, TimeProvider timeProvider)
{
    public async Task<TransactionResult> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken)
    {
        var budget = policy.Budget("TransactWriteItems");
        while (true)
        {
            var now = ItemAttributes.EpochSeconds(timeProvider.GetUtcNow());
            var items = new List<TransactWriteItem>(writes.Count);
            foreach (var write in writes)
            {
                items.Add(new TransactWriteItem { Put = ConditionalPut.TransactionItem(policy.TableName, write, now) });
            }

            var request = new TransactWriteItemsRequest { ClientRequestToken = Guid.NewGuid().ToString(), TransactItems = items };
            try
            {
                await policy.SendAsync(budget, token => client.TransactWriteItemsAsync(request, token), cancellationToken);
                return TransactionResult.Committed;
            }
            catch (TransactionCanceledException cancelled)
            {
                if (Refusals(writes, cancelled) is { Count: > 0 } refused)
                {
                    return new TransactionResult(refused);
                }

                await budget.BackOffAsync(Reason(cancelled), cancelled, cancellationToken);
            }
        }
    }

    /// <summary>The writes whose condition failed, with the stored item DynamoDB returned (ALL_OLD).</summary>
    private List<RefusedWrite> Refusals(IReadOnlyList<ItemWrite> writes, TransactionCanceledException cancelled)
    {
        var reasons = cancelled.CancellationReasons;
        if (reasons is null || reasons.Count != writes.Count)
        {
            throw new DynamoDbStoreException($"TransactWriteItems on table '{policy.TableName}' was cancelled without a reason per item: {cancelled.Message}", cancelled);
        }

        var refused = new List<RefusedWrite>();
        for (var i = 0; i < reasons.Count; i++)
        {
            switch (reasons[i].Code)
            {
                case "ConditionalCheckFailed":
                    refused.Add(new RefusedWrite(i, reasons[i].Item is { Count: > 0 } old ? ItemAttributes.ToItem(old) : null));
                    break;
                case null or "" or "None" or "TransactionConflict" or "ThrottlingError" or "ProvisionedThroughputExceeded" or "RequestLimitExceeded":
                    break;
                default:
                    var item = writes[i].Item;
                    throw new DynamoDbStoreException(
                        $"TransactWriteItems on table '{policy.TableName}' refused item {item.PartitionKey}/{item.SortKey}: {reasons[i].Code}: {reasons[i].Message}", cancelled);
            }
        }

        return refused;
    }

    private static RetryReason Reason(TransactionCanceledException cancelled) =>
        cancelled.CancellationReasons.Any(static r => r.Code is "ThrottlingError" or "ProvisionedThroughputExceeded" or "RequestLimitExceeded")
            ? RetryReason.Throttled
            : RetryReason.TransactionConflict;
}
