using Amazon.DynamoDBv2;
using GymCoach.Aws.DynamoDb;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>A store on a test table whose client's requests pass through a <see cref="DynamoFaultHandler"/>.</summary>
/// <remarks>Throttling draws on <c>maxAttempts</c> like any retry unless a throttled retry window is given, so attempts can be counted exactly.</remarks>
public sealed class FaultyStore : IDisposable
{
    private readonly HandlerHttpClientFactory _httpClients;
    private readonly AmazonDynamoDBClient _client;

    public FaultyStore(
        DynamoDbTable table,
        Func<string, int, Fault> plan,
        int maxAttempts = 8,
        ConditionalWriteMode conditionalWrites = ConditionalWriteMode.Transactions,
        TimeSpan throttledRetryWindow = default)
    {
        Faults = new DynamoFaultHandler(plan);
        _httpClients = new HandlerHttpClientFactory(Faults);
        _client = DynamoDbClientFactory.Create(table.Local.Server.ClientSettings, _httpClients);
        Store = new DynamoDbItemStore(_client, new DynamoDbStoreOptions
        {
            TableName = table.Name,
            MaxAttempts = maxAttempts,
            ThrottledRetryWindow = throttledRetryWindow,
            ConditionalWrites = conditionalWrites,
            BaseDelay = TimeSpan.FromMilliseconds(2),
            MaxDelay = TimeSpan.FromMilliseconds(50),
        });
    }

    public DynamoFaultHandler Faults { get; }

    public DynamoDbItemStore Store { get; }

    public void Dispose()
    {
        _client.Dispose();
        _httpClients.Dispose();
    }
}
