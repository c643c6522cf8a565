using GymCoach.Aws.DynamoDb;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>A uniquely named table for one test class, created before its first test and deleted after its last.</summary>
public sealed class DynamoDbTable(DynamoDbLocalFixture local) : IAsyncLifetime
{
    private string? _name;

    public DynamoDbLocalFixture Local => local;

    public string Name => _name ?? throw new InvalidOperationException("The table is not created.");

    public async Task InitializeAsync() => _name = await local.CreateTableAsync("test");

    public Task DisposeAsync() => _name is null ? Task.CompletedTask : local.DeleteTableAsync(_name);

    /// <summary>A store on this table through the run's client, with quick retries unless <paramref name="options"/> says otherwise.</summary>
    public DynamoDbItemStore CreateStore(DynamoDbStoreOptions? options = null) =>
        new(local.Client, options ?? new DynamoDbStoreOptions { TableName = Name, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(200) });
}
