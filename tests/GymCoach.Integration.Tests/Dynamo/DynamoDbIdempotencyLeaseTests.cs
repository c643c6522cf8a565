using GymCoach.Contracts.Storage;
using GymCoach.Ingest.Tests.Api.Idempotency;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>The idempotency lease contract on <see cref="Aws.DynamoDb.DynamoDbItemStore"/> over DynamoDB Local: as on the embedded store.</summary>
[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DynamoDbIdempotencyLeaseTests(DynamoDbTable table) : IdempotencyLeaseContractTests, IClassFixture<DynamoDbTable>
{
    protected override IItemStore CreateStore() => table.CreateStore();
}
