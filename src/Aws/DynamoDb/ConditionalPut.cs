using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>The condition expressions of conditional writes, shared by transaction items and PutItem calls.</summary>
/// <remarks>An expired item counts as absent (<c>#exp &lt;= :now</c>): TTL deletes lazily, and the embedded store never lets one be seen.</remarks>
internal static class ConditionalPut
{
    /// <summary>A transaction's put, conditional as the write says (unconditional writes go out in BatchWriteItem, never here).</summary>
    public static Put TransactionItem(string tableName, ItemWrite write, long now)
    {
        var (condition, names, values) = Condition(write, now);
        return new Put
        {
            TableName = tableName,
            Item = ItemAttributes.From(write.Item),
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
    }

    public static PutItemRequest Request(string tableName, ItemWrite write, long now)
    {
        var (condition, names, values) = Condition(write, now);
        return new PutItemRequest
        {
            TableName = tableName,
            Item = ItemAttributes.From(write.Item),
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
    }

    private static (string Condition, Dictionary<string, string> Names, Dictionary<string, AttributeValue> Values) Condition(ItemWrite write, long now)
    {
        var names = new Dictionary<string, string>(3) { ["#pk"] = TableDefinition.PartitionKey, ["#exp"] = TableDefinition.TimeToLiveAttribute };
        var values = new Dictionary<string, AttributeValue>(2) { [":now"] = ItemAttributes.Number(now) };
        if (write.Condition == WriteCondition.IfNotExists)
        {
            return ("attribute_not_exists(#pk) OR #exp <= :now", names, values);
        }

        names["#v"] = TableDefinition.VersionAttribute;
        values[":v"] = ItemAttributes.Number(write.Item.Version);
        return ("attribute_not_exists(#pk) OR #v < :v OR #exp <= :now", names, values);
    }
}
