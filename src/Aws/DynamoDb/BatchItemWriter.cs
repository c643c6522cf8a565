using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Writes up to 25 unconditional writes with one BatchWriteItem, sending back only the items DynamoDB left unprocessed.</summary>
internal sealed class BatchItemWriter(IAmazonDynamoDB client, DynamoDbRetryPolicy policy)
{
    /// <summary>Marks each write in <paramref name="results"/> as soon as DynamoDB confirms it, so a failure leaves only unconfirmed writes null.</summary>
    public async Task WriteAsync(IReadOnlyList<ItemWrite> writes, List<int> indexes, WriteResult?[] results, CancellationToken cancellationToken)
    {
        var indexByKey = new Dictionary<(string, string), int>(indexes.Count);
        var pending = new List<WriteRequest>(indexes.Count);
        foreach (var index in indexes)
        {
            indexByKey[(writes[index].Item.PartitionKey, writes[index].Item.SortKey)] = index;
            pending.Add(new WriteRequest(new PutRequest(ItemAttributes.From(writes[index].Item))));
        }

        var budget = policy.Budget("BatchWriteItem");
        while (true)
        {
            var request = new BatchWriteItemRequest { RequestItems = new() { [policy.TableName] = pending } };
            var response = await policy.SendAsync(budget, token => client.BatchWriteItemAsync(request, token), cancellationToken);

            // SDK v4: UnprocessedItems is null, not empty, when everything was processed.
            var unprocessed = response.UnprocessedItems?.GetValueOrDefault(policy.TableName);
            var unprocessedKeys = new HashSet<(string, string)>(unprocessed?.Count ?? 0);
            foreach (var left in unprocessed ?? [])
            {
                unprocessedKeys.Add(KeyOf(left.PutRequest.Item));
            }

            foreach (var sent in pending)
            {
                var key = KeyOf(sent.PutRequest.Item);
                if (!unprocessedKeys.Contains(key))
                {
                    results[indexByKey[key]] = WriteResult.Success;
                }
            }

            if (unprocessed is null || unprocessed.Count == 0)
            {
                return;
            }

            policy.Counters.Unprocessed(unprocessed.Count);
            await budget.BackOffAsync(RetryReason.UnprocessedItems, null, cancellationToken);
            pending = unprocessed;
        }
    }

    private static (string, string) KeyOf(Dictionary<string, AttributeValue> item) =>
        (item[TableDefinition.PartitionKey].S, item[TableDefinition.SortKey].S);
}
