using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Contracts.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Writes conditional writes as concurrent PutItem calls, each with its condition; a refusal carries the stored item (ALL_OLD).</summary>
/// <remarks>
/// PutItem has no idempotency token: when a connection drops after DynamoDB applied a put, sending it again is refused
/// by the item it wrote itself. So after such an ambiguous attempt, a refusal whose stored item equals the write's
/// item counts as written.
/// </remarks>
internal sealed class ConditionalPutWriter(IAmazonDynamoDB client, DynamoDbRetryPolicy policy, TimeProvider timeProvider)
{
    public async Task WriteAsync(IReadOnlyList<ItemWrite> writes, List<int> indexes, WriteResult?[] results, CancellationToken cancellationToken)
    {
        // The write plan gives this writer one write per request plan, so the store's request limit bounds the puts in flight.
        foreach (var index in indexes)
        {
            results[index] = await PutAsync(writes[index], cancellationToken);
        }
    }

    private async Task<WriteResult> PutAsync(ItemWrite write, CancellationToken cancellationToken)
    {
        var budget = policy.Budget("PutItem");
        var request = ConditionalPut.Request(policy.TableName, write, ItemAttributes.EpochSeconds(timeProvider.GetUtcNow()));
        try
        {
            await policy.SendAsync(budget, token => client.PutItemAsync(request, token), cancellationToken);
            return WriteResult.Success;
        }
        catch (ConditionalCheckFailedException refused)
        {
            var existing = refused.Item is { Count: > 0 } old ? ItemAttributes.ToItem(old) : null;
            if (existing is null)
            {
                throw new DynamoDbStoreException($"PutItem on table '{policy.TableName}' was refused without the stored item.", refused);
            }

            return budget.SawTransientError && existing == write.Item ? WriteResult.Success : WriteResult.Refused(existing);
        }
    }
}
