using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Contracts.Storage;

namespace GymCoach.Aws.DynamoDb;

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
                var outcomes = TransactionCancellation.Outcomes(cancelled, [.. writes.Select(write => write.Item)], policy.TableName);
                var refused = new List<RefusedWrite>();
                for (var i = 0; i < outcomes.Length; i++)
                {
                    if (outcomes[i] == TransactionCancellation.ItemOutcome.ConditionFailed)
                    {
                        refused.Add(new RefusedWrite(i, TransactionCancellation.Existing(cancelled, i)));
                    }
                }

                if (refused.Count > 0)
                {
                    return new TransactionResult(refused);
                }

                await budget.BackOffAsync(TransactionCancellation.BackOff(outcomes) ?? RetryReason.TransactionConflict, cancelled, cancellationToken);
            }
        }
    }
}
