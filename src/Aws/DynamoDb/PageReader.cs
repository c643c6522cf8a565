using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Reads one page of a table or index query with the embedded store's paging: up to a limit of live items, a token only when more follow.</summary>
/// <remarks>
/// DynamoDB applies Limit before the expiry filter and may stop at 1 MB, so a response can be short while items
/// remain. The reader asks for one item more than the page needs, follows LastEvaluatedKey until it has it or the
/// query is exhausted, and makes the continuation token from the last item it returns, not from DynamoDB's key.
/// </remarks>
internal sealed class PageReader(IAmazonDynamoDB client, DynamoDbRetryPolicy policy, TimeProvider timeProvider)
{
    private const string LiveFilter = "attribute_not_exists(#exp) OR #exp > :now";

    /// <param name="query">A query with its key condition (names prefixed <c>#</c>, values <c>:</c>); Limit, ExclusiveStartKey and the expiry filter are added here.</param>
    /// <param name="start">Where the page starts (exclusive), from the continuation token.</param>
    /// <param name="tokenOf">The continuation token that resumes after an item.</param>
    public async Task<ItemPage> ReadAsync(
        Func<QueryRequest> query, Dictionary<string, AttributeValue>? start, int limit, Func<StoredItem, string> tokenOf, CancellationToken cancellationToken)
    {
        var items = new List<StoredItem>(Math.Min(limit + 1, 256));
        var budget = policy.Budget("Query");
        var now = ItemAttributes.EpochSeconds(timeProvider.GetUtcNow());
        while (true)
        {
            var request = query();
            request.TableName = policy.TableName;
            request.Limit = limit + 1 - items.Count;
            request.ExclusiveStartKey = start;
            request.FilterExpression = LiveFilter;
            request.ExpressionAttributeNames["#exp"] = TableDefinition.TimeToLiveAttribute;
            request.ExpressionAttributeValues[":now"] = ItemAttributes.Number(now);
            var response = await policy.SendAsync(budget, token => client.QueryAsync(request, token), cancellationToken);

            foreach (var attributes in response.Items ?? [])
            {
                items.Add(ItemAttributes.ToItem(attributes));
            }

            if (items.Count > limit)
            {
                items.RemoveRange(limit, items.Count - limit);
                return new ItemPage(items, tokenOf(items[^1]));
            }

            start = response.LastEvaluatedKey;
            if (start is null || start.Count == 0)
            {
                return new ItemPage(items, null);
            }
        }
    }
}
