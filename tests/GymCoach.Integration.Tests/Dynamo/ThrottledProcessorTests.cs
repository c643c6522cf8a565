using GymCoach.Contracts.Lambda;
using GymCoach.Integration.Tests.Dynamo.Support;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Support;
using Xunit.Abstractions;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>The batch processor on DynamoDB Local while the table throttles: fewer chunks at once, no failed message, then full speed again.</summary>
[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ThrottledProcessorTests(DynamoDbTable table, ITestOutputHelper output) : IClassFixture<DynamoDbTable>
{
    private const int Messages = 2_000;

    // Three of every four BatchWriteItem requests are throttled until this call: long enough for several chunks in a row.
    private const int ThrottledUntilCall = 240;

    [Fact]
    public async Task WhileTheTableThrottles_TheProcessorRunsFewerChunks_AndEveryMessageStillSucceeds_ThenItRecovers()
    {
        using var faulty = new FaultyStore(
            table,
            (operation, call) => operation == "BatchWriteItem" && call < ThrottledUntilCall && call % 4 != 0 ? Fault.ProvisionedThroughputExceeded : Fault.None,
            throttledRetryWindow: TimeSpan.FromSeconds(30));
        var limiter = new ChunkConcurrencyLimiter(5, () => faulty.Store.Statistics.SlowDowns);
        var processor = new BatchProcessor(new BatchProcessorOptions(), concurrency: limiter);
        var partition = ItemSamples.UniquePartition();
        var handler = new ItemWritingHandler(faulty.Store, partition, limiter);

        var throttled = await processor.ProcessAsync(Event("a"), handler, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);
        var duringThrottling = handler.ChunkStarts.ToList();
        var calm = await processor.ProcessAsync(Event("b"), handler, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);
        var trace = string.Join(" ", handler.ChunkStarts.Select(start => $"{start.Active}/{start.Limit}"));
        output.WriteLine($"running/limit at each chunk start: {trace}; throttles {faulty.Store.Statistics.Throttles}, decreases {limiter.Decreases}");

        Assert.Equal((Messages, 0), (throttled.Succeeded, throttled.Response.BatchItemFailures.Count));
        Assert.Equal(ThrottledUntilCall * 3 / 4, faulty.Faults.Injected);
        Assert.True(limiter.Decreases >= 1, $"no decrease; running/limit at each chunk start: {trace}");

        // Five chunks started at once; the sixth waited until the first ended (halving the limit) and the wave drained.
        Assert.InRange(duringThrottling[5].Limit, 1, 2);
        Assert.InRange(duringThrottling[5].Active, 1, duringThrottling[5].Limit);
        Assert.Equal((Messages, 0), (calm.Succeeded, calm.Response.BatchItemFailures.Count));
        Assert.True(limiter.Limit == 5, $"not recovered; running/limit at each chunk start: {trace}");
        Assert.Equal(2 * Messages, await CountStoredAsync(partition));
    }

    private static SqsEvent Event(string prefix)
    {
        var builder = SqsEventBuilder.Standard();
        for (var i = 0; i < Messages; i++)
        {
            builder.WithMessage($"{prefix}{i:D5}");
        }

        return builder.Build();
    }

    private async Task<int> CountStoredAsync(string partition)
    {
        var store = table.CreateStore();
        var count = 0;
        string? next = null;
        do
        {
            var page = await store.QueryAsync(partition, string.Empty, 1000, next, CancellationToken.None);
            count += page.Items.Count;
            next = page.ContinuationToken;
        }
        while (next is not null);

        return count;
    }
}
