using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Contracts.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Writes up to 100 conditional writes with one TransactWriteItems; a refused condition costs one more request for the others.</summary>
/// <remarks>
/// A transaction fails as a whole, but its cancellation reasons say, per item, whether its condition failed (then the
/// reason carries the stored item, ReturnValuesOnConditionCheckFailure ALL_OLD), it conflicted or was throttled (sent
/// again after a backoff) or it was merely not applied (sent again at once, without the refused ones). Each request
/// has its own ClientRequestToken, so when the SDK's connection drops after DynamoDB applied it, sending it again is
/// answered with success instead of the transaction's own item refusing it.
/// </remarks>
internal sealed class TransactionItemWriter(IAmazonDynamoDB client, DynamoDbRetryPolicy policy, TimeProvider timeProvider)
{
    public async Task WriteAsync(IReadOnlyList<ItemWrite> writes, List<int> indexes, WriteResult?[] results, CancellationToken cancellationToken)
    {
        var pending = indexes;
        var budget = policy.Budget("TransactWriteItems");
        while (pending.Count > 0)
        {
            var now = ItemAttributes.EpochSeconds(timeProvider.GetUtcNow());
            var request = new TransactWriteItemsRequest
            {
                ClientRequestToken = Guid.NewGuid().ToString(),
                TransactItems = pending.ConvertAll(index => new TransactWriteItem { Put = ConditionalPut.TransactionItem(policy.TableName, writes[index], now) }),
            };
            try
            {
                await policy.SendAsync(budget, token => client.TransactWriteItemsAsync(request, token), cancellationToken);
                foreach (var index in pending)
                {
                    results[index] = WriteResult.Success;
                }

                return;
            }
            catch (TransactionCanceledException cancelled)
            {
                pending = await SettleAsync(writes, pending, cancelled, results, budget, cancellationToken);
            }
        }
    }

    /// <summary>Records the refused writes and returns the ones to send again, after a backoff when any conflicted or was throttled.</summary>
    private async Task<List<int>> SettleAsync(
        IReadOnlyList<ItemWrite> writes, List<int> sent, TransactionCanceledException cancelled, WriteResult?[] results, RetryBudget budget, CancellationToken cancellationToken)
    {
        var outcomes = TransactionCancellation.Outcomes(cancelled, sent.ConvertAll(index => writes[index].Item), policy.TableName);
        var again = new List<int>(sent.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            if (outcomes[i] != TransactionCancellation.ItemOutcome.ConditionFailed)
            {
                again.Add(sent[i]);
                continue;
            }

            var existing = TransactionCancellation.Existing(cancelled, i) ?? await ReadStoredAsync(writes[sent[i]].Item, budget, cancellationToken);
            if (existing is null)
            {
                again.Add(sent[i]);
            }
            else
            {
                results[sent[i]] = WriteResult.Refused(existing);
            }
        }

        if (TransactionCancellation.BackOff(outcomes) is { } reason)
        {
            await budget.BackOffAsync(reason, cancelled, cancellationToken);
        }

        return again;
    }

    // Only when a refusal came without the stored item; null when the item has gone since (then the write is tried again).
    private async Task<StoredItem?> ReadStoredAsync(StoredItem item, RetryBudget budget, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest { TableName = policy.TableName, Key = ItemAttributes.Key(item.PartitionKey, item.SortKey), ConsistentRead = true };
        var response = await policy.SendAsync(budget, token => client.GetItemAsync(request, token), cancellationToken);
        return response.Item is { Count: > 0 } attributes ? ItemAttributes.ToItem(attributes) : null;
    }
}
