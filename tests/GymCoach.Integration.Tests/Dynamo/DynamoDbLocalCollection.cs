namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>The tests that share the run's DynamoDB Local.</summary>
[CollectionDefinition(Name)]
public sealed class DynamoDbLocalCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "DynamoDB Local";
}
