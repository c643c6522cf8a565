using GymCoach.Aws.DynamoDb;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>
/// Concurrent <see cref="DynamoDbItemStore.WriteAsync"/> calls, as the writes worker makes them, in each write mode:
/// every item is written and an idle table needs no retry. What they cost is measured by the benchmark
/// <c>dynamodb-write-throughput</c>, not here.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DynamoDbConcurrentWriteTests(DynamoDbTable table) : IClassFixture<DynamoDbTable>
{
    private const int Items = 300;
    private const int ChunkSize = 20;
    private const int ConcurrentChunks = 5;

    public static TheoryData<ConditionalWriteMode, WriteCondition> Modes() => new()
    {
        { ConditionalWriteMode.Transactions, WriteCondition.None },
        { ConditionalWriteMode.Transactions, WriteCondition.IfNotExists },
        { ConditionalWriteMode.Puts, WriteCondition.IfNotExists },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task ConcurrentCalls_WriteEveryItem_WithoutARetry(ConditionalWriteMode mode, WriteCondition condition)
    {
        var store = table.CreateStore(new DynamoDbStoreOptions { TableName = table.Name, ConditionalWrites = mode });
        var run = Guid.NewGuid().ToString("N")[..8];
        var writes = Enumerable.Range(0, Items)
            .Select(i => new ItemWrite(ItemSamples.Item($"USER#{run}-{i % 50:D2}", $"WORKOUT#{i:D6}"), condition))
            .Chunk(ChunkSize);

        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentChunks }, async (chunk, token) =>
        {
            var results = await store.WriteAsync(chunk, token);
            Assert.All(results, result => Assert.True(result.Written));
        });

        Assert.Equal(0, store.Statistics.Retries);
    }
}
