using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using GymCoach.Aws.DynamoDb;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Tests.Support;
using Xunit.Abstractions;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>
/// Items per second of <see cref="DynamoDbItemStore.WriteAsync"/> (BatchWriteItem of 25, TransactWriteItems of 100)
/// against a naive loop of one PutItem per item, in the same run on the same DynamoDB Local. Figures go to the test
/// output (<c>--logger "console;verbosity=detailed"</c>); only correctness is asserted, timings vary with the machine.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbWriteThroughputTests(DynamoDbTable table, ITestOutputHelper output) : IClassFixture<DynamoDbTable>
{
    private const int Items = 2_000;
    private const int ChunkSize = 100;
    private const int ConcurrentChunks = 5;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task WriteAsync_IsMeasuredAgainstOnePutItemPerItem()
    {
        var store = table.CreateStore();
        var puts = table.CreateStore(new DynamoDbStoreOptions { TableName = table.Name, ConditionalWrites = ConditionalWriteMode.Puts });
        // Warm-up of every path, on both sides: the first requests of a kind load classes in the JVM and the CLR.
        await StoreAsync(store, WriteCondition.None, 500);
        await StoreAsync(store, WriteCondition.IfNotExists, 500);
        await StoreAsync(puts, WriteCondition.IfNotExists, 500);
        await PutEachAsync(conditional: false, 200);
        await PutEachAsync(conditional: true, 200);

        var batched = await MeasureAsync(() => StoreAsync(store, WriteCondition.None, Items));
        var transactions = await MeasureAsync(() => StoreAsync(store, WriteCondition.IfNotExists, Items));
        var concurrentPuts = await MeasureAsync(() => StoreAsync(puts, WriteCondition.IfNotExists, Items));
        var naive = await MeasureAsync(() => PutEachAsync(conditional: false, Items));
        var naiveConditional = await MeasureAsync(() => PutEachAsync(conditional: true, Items));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Items} items, WriteAsync calls of {ChunkSize}, {ConcurrentChunks} at once:"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  WriteAsync unconditional (BatchWriteItem x25): {batched,8:F0} items/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  WriteAsync IfNotExists (TransactWriteItems):   {transactions,8:F0} items/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  WriteAsync IfNotExists (concurrent PutItem):   {concurrentPuts,8:F0} items/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  naive PutItem loop:                           {naive,8:F0} items/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  naive conditional PutItem loop:               {naiveConditional,8:F0} items/s"));
        output.WriteLine($"  store statistics: {store.Statistics}");
        Assert.Equal(0, store.Statistics.Retries);
    }

    private static async Task<double> MeasureAsync(Func<Task> run)
    {
        var started = Stopwatch.GetTimestamp();
        await run();
        return Items / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task StoreAsync(DynamoDbItemStore store, WriteCondition condition, int count)
    {
        var writes = Workload(count).Select(item => new ItemWrite(item, condition)).Chunk(ChunkSize);
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentChunks }, async (chunk, token) =>
        {
            var results = await store.WriteAsync(chunk, token);
            Assert.All(results, result => Assert.True(result.Written));
        });
    }

    private async Task PutEachAsync(bool conditional, int count)
    {
        foreach (var item in Workload(count))
        {
            var request = new PutItemRequest { TableName = table.Name, Item = ItemAttributes.From(item) };
            if (conditional)
            {
                request.ConditionExpression = "attribute_not_exists(pk)";
            }

            await table.Local.Client.PutItemAsync(request, None);
        }
    }

    // Fifty users' workouts of about 600 bytes each, like the writes worker's.
    private static IEnumerable<StoredItem> Workload(int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var data = "{\"sets\":\"" + new string('x', 600) + "\"}";
        return Enumerable.Range(0, count).Select(i => ItemSamples.Item($"USER#{run}-{i % 50:D2}", $"WORKOUT#{i:D6}", data: data));
    }
}
