using GymCoach.Aws.DynamoDb;
using GymCoach.Cli.Emulators;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>DynamoDB Local stopped in the middle of a write call: a clear exception, and nothing reported written that was not.</summary>
/// <remarks>Runs its own server on a database file, so the data can be checked after a restart on the same port.</remarks>
[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DynamoDbOutageTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    // On tmpfs where there is one: DynamoDB Local syncs its database file on every write.
    private readonly string _databaseDirectory = Path.Combine(
        Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "gymcoach-ddb-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ServerStoppedMidWrite_FailsTheCall_AndEveryWriteReportedAsWrittenIsStored()
    {
        var options = new DynamoDbLocalOptions { DatabaseDirectory = _databaseDirectory };
        var server = await DynamoDbLocalServer.StartAsync(options, None);
        var port = server.Port;
        var tableName = "outage-" + Guid.NewGuid().ToString("N")[..8];
        var partition = ItemSamples.UniquePartition();
        var writes = Enumerable.Range(0, 8_000)
            .Select(i => new ItemWrite(ItemSamples.Item(partition, $"k#{i:D5}"), i % 4 == 0 ? WriteCondition.IfNotExists : WriteCondition.None))
            .ToArray();
        DynamoDbStoreException failure;
        var requests = new DynamoFaultHandler((_, _) => Fault.None);
        using (var counting = new HandlerHttpClientFactory(requests))
        using (var client = DynamoDbClientFactory.Create(server.ClientSettings, counting))
        {
            await new DynamoDbTableProvisioner(client).EnsureTableAsync(tableName, pointInTimeRecovery: false, None);
            var store = new DynamoDbItemStore(client, new DynamoDbStoreOptions { TableName = tableName, MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(20) });
            var writing = store.WriteAsync(writes, None);
            await ContractPolling.UntilAsync(() => Task.FromResult(requests.Answered), answered => answered >= 10, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(5));
            await server.DisposeAsync();
            failure = await Assert.ThrowsAsync<DynamoDbStoreException>(() => writing);
            var read = await Assert.ThrowsAsync<DynamoDbStoreException>(() => store.GetAsync(partition, "k#00000", None));
            Assert.Contains("gave up after 3 attempts", read.Message, StringComparison.Ordinal);
        }
        var confirmed = failure.Results!.Count(result => result is not null);
        Assert.Matches($"^WriteAsync on table '{tableName}' failed with {confirmed} of 8000 writes confirmed: .+ gave up after 3 attempts", failure.Message);
        Assert.InRange(confirmed, 1, writes.Length - 1);
        await using var restarted = await DynamoDbLocalServer.StartAsync(new DynamoDbLocalOptions { DatabaseDirectory = _databaseDirectory, Port = port }, None);
        using var check = DynamoDbClientFactory.Create(restarted.ClientSettings);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in new DynamoDbItemStore(check, new DynamoDbStoreOptions { TableName = tableName }).QueryAllAsync(partition, "k#", None, pageSize: 1000))
        {
            stored.Add(item.SortKey);
        }
        var reportedButMissing = writes.Where((write, i) => failure.Results![i] is not null && !stored.Contains(write.Item.SortKey)).ToList();
        Assert.Empty(reportedButMissing);
        Assert.True(stored.Count >= confirmed, $"{stored.Count} stored, {confirmed} confirmed");
    }

    public void Dispose()
    {
        if (Directory.Exists(_databaseDirectory))
        {
            Directory.Delete(_databaseDirectory, recursive: true);
        }
    }
}
