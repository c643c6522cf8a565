using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Workers.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary><see cref="TableDefinition"/> as DynamoDB requests: what the provisioner creates and the template tests compare.</summary>
public static class DynamoDbTableSchema
{
    /// <summary>On-demand capacity: no capacity planning, and bursty SQS-driven writes are absorbed.</summary>
    public static BillingMode BillingMode => BillingMode.PAY_PER_REQUEST;

    /// <summary>The CreateTable request for this definition under <paramref name="tableName"/> (TTL and PITR are separate calls).</summary>
    public static CreateTableRequest CreateTableRequest(string tableName = TableDefinition.TableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        return new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode,
            AttributeDefinitions =
            [
                new AttributeDefinition(TableDefinition.PartitionKey, ScalarAttributeType.S),
                new AttributeDefinition(TableDefinition.SortKey, ScalarAttributeType.S),
            ],
            KeySchema = [new KeySchemaElement(TableDefinition.PartitionKey, KeyType.HASH), new KeySchemaElement(TableDefinition.SortKey, KeyType.RANGE)],
        };
    }
}
