using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Aws.DynamoDb;
using GymCoach.Workers.Storage;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>The provisioner makes the table of <see cref="TableDefinition"/>, idempotently, on DynamoDB Local.</summary>
[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DynamoDbTableProvisionerTests(DynamoDbLocalFixture local) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _name = "provisioned-" + Guid.NewGuid().ToString("N")[..8];
    private readonly DynamoDbTableProvisioner _provisioner = new(local.Client);

    [Fact]
    public async Task EnsureTable_CreatesTheDefinedTable_WithItsTtlAndNoIndex_AndCanRunAgain()
    {
        await _provisioner.EnsureTableAsync(_name, pointInTimeRecovery: false, None);
        await _provisioner.EnsureTableAsync(_name, pointInTimeRecovery: false, None);

        var table = (await local.Client.DescribeTableAsync(_name, None)).Table;
        var ttl = (await local.Client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = _name }, None)).TimeToLiveDescription;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal(
            [(TableDefinition.PartitionKey, KeyType.HASH), (TableDefinition.SortKey, KeyType.RANGE)],
            table.KeySchema.Select(key => (key.AttributeName, key.KeyType)));
        Assert.True(table.GlobalSecondaryIndexes is null or { Count: 0 });
        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode);
        Assert.Equal((TimeToLiveStatus.ENABLED, TableDefinition.TimeToLiveAttribute), (ttl.TimeToLiveStatus, ttl.AttributeName));
    }

    [Fact]
    public async Task EnsureTable_RefusesATableOfThatNameWithOtherKeys()
    {
        await local.Client.CreateTableAsync(
            new CreateTableRequest
            {
                TableName = _name,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            },
            None);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => _provisioner.EnsureTableAsync(_name, pointInTimeRecovery: false, None));

        Assert.Contains("not as TableDefinition defines it", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteTable_OfAMissingTable_IsFine()
    {
        await _provisioner.DeleteTableAsync(_name, None);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => local.Client.DescribeTableAsync(_name, None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _provisioner.DeleteTableAsync(_name, None);
}
