using GymCoach.Contracts.Storage;
using GymCoach.Workers.Tests.Storage;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>The whole item store contract against <see cref="Aws.DynamoDb.DynamoDbItemStore"/> (default options: conditional writes as transactions) on DynamoDB Local: the same results as the embedded store.</summary>
[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DynamoDbItemStoreContractTests(DynamoDbTable table) : ItemStoreContractTests, IClassFixture<DynamoDbTable>
{
    protected override IItemStore CreateStore() => table.CreateStore();
}
