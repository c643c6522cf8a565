using GymCoach.Aws.DynamoDb;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Tests.Storage;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>The item store contract against <see cref="DynamoDbItemStore"/> sending conditional writes as single PutItem calls.</summary>
[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DynamoDbItemStorePutsContractTests(DynamoDbTable table) : ItemStoreContractTests, IClassFixture<DynamoDbTable>
{
    protected override IItemStore CreateStore() => table.CreateStore(new DynamoDbStoreOptions
    {
        TableName = table.Name,
        ConditionalWrites = ConditionalWriteMode.Puts,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(200),
    });
}
