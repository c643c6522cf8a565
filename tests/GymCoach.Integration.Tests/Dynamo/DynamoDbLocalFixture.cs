using Amazon.DynamoDBv2;
using GymCoach.Aws.DynamoDb;
using GymCoach.Cli.Emulators;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>One DynamoDB Local for the whole test run (the JVM takes seconds to start), with one client; stopped at the end.</summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    private DynamoDbLocalServer? _server;
    private AmazonDynamoDBClient? _client;

    public DynamoDbLocalServer Server => _server ?? throw new InvalidOperationException("DynamoDB Local is not started.");

    public IAmazonDynamoDB Client => _client ?? throw new InvalidOperationException("DynamoDB Local is not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _server = await DynamoDbLocalServer.StartAsync(null, timeout.Token);
        _client = DynamoDbClientFactory.Create(_server.ClientSettings);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Creates a table by <see cref="Workers.Storage.TableDefinition"/> under a name no other test class uses.</summary>
    public async Task<string> CreateTableAsync(string stem)
    {
        var name = $"{stem}-{Guid.NewGuid():N}"[..Math.Min(stem.Length + 13, 255)];
        await new DynamoDbTableProvisioner(Client).EnsureTableAsync(name, pointInTimeRecovery: false, CancellationToken.None);
        return name;
    }

    public Task DeleteTableAsync(string name) => new DynamoDbTableProvisioner(Client).DeleteTableAsync(name, CancellationToken.None);
}
