using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Contracts.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Reads up to 100 distinct keys with one consistent BatchGetItem, asking again only for the keys DynamoDB left unprocessed.</summary>
internal sealed class BatchItemReader(IAmazonDynamoDB client, DynamoDbRetryPolicy policy, TimeProvider timeProvider)
{
    /// <summary>BatchGetItem's limit: 100 keys (and 16 MB, which 100 items of at most 400 KB stay under).</summary>
    public const int MaxBatchKeys = 100;

    /// <summary>Adds every live item found under <paramref name="keys"/> to <paramref name="found"/>.</summary>
    public async Task ReadAsync(IReadOnlyList<ItemKey> keys, Dictionary<ItemKey, StoredItem> found, CancellationToken cancellationToken)
    {
        var pending = new List<Dictionary<string, AttributeValue>>(keys.Count);
        foreach (var key in keys)
        {
            pending.Add(ItemAttributes.Key(key.PartitionKey, key.SortKey));
        }

        var budget = policy.Budget("BatchGetItem");
        var now = timeProvider.GetUtcNow();
        while (true)
        {
            var request = new BatchGetItemRequest
            {
                RequestItems = new() { [policy.TableName] = new KeysAndAttributes { Keys = pending, ConsistentRead = true } },
            };
            var response = await policy.SendAsync(budget, token => client.BatchGetItemAsync(request, token), cancellationToken);
            foreach (var attributes in response.Responses?.GetValueOrDefault(policy.TableName) ?? [])
            {
                var item = ItemAttributes.ToItem(attributes);
                if (!ItemAttributes.IsExpired(item, now))
                {
                    lock (found)
                    {
                        found[ItemKey.Of(item)] = item;
                    }
                }
            }

            // SDK v4: UnprocessedKeys is null, not empty, when every key was read.
            var unprocessed = response.UnprocessedKeys?.GetValueOrDefault(policy.TableName)?.Keys;
            if (unprocessed is not { Count: > 0 })
            {
                return;
            }

            policy.Counters.Unprocessed(unprocessed.Count);
            await budget.BackOffAsync(RetryReason.UnprocessedItems, null, cancellationToken);
            pending = unprocessed;
        }
    }
}
