using GymCoach.Aws.DynamoDb;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>Throttling, unprocessed items, cancelled transactions and lost responses, injected on the HTTP pipeline in front of DynamoDB Local.</summary>
[Collection(DynamoDbLocalCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DynamoDbFaultTests(DynamoDbTable table) : IClassFixture<DynamoDbTable>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ThrottledBatchWrites_AreRetried_UntilEveryItemIsWritten()
    {
        using var faulty = new FaultyStore(table, (operation, call) =>
            operation == "BatchWriteItem" && call < 3 ? Fault.ProvisionedThroughputExceeded : Fault.None);
        var writes = Writes(ItemSamples.UniquePartition(), 60);

        var results = await faulty.Store.WriteAsync(writes, None);

        Assert.All(results, result => Assert.Equal(WriteResult.Success, result));
        await AssertStoredAsync(writes);
        Assert.Equal((Retries: 3L, Throttles: 3L), (faulty.Store.Statistics.Retries, faulty.Store.Statistics.Throttles));
        Assert.Equal(3 + 3, faulty.Faults.Calls("BatchWriteItem"));
    }

    [Fact]
    public async Task ThrottledReads_AreRetried()
    {
        using var faulty = new FaultyStore(table, (operation, call) =>
            operation is "GetItem" or "Query" && call < 2 ? Fault.Throttling : Fault.None);
        var partition = ItemSamples.UniquePartition();
        await table.CreateStore().WriteAsync([new ItemWrite(ItemSamples.Item(partition, "a"))], None);

        var item = await faulty.Store.GetAsync(partition, "a", None);
        var page = await faulty.Store.QueryAsync(partition, string.Empty, 10, null, None);

        Assert.NotNull(item);
        Assert.Single(page.Items);
        Assert.Equal(4, faulty.Store.Statistics.Throttles);
    }

    [Fact]
    public async Task UnprocessedItems_AreSentAgain_UntilEveryItemIsWritten()
    {
        using var faulty = new FaultyStore(table, (operation, call) =>
            operation == "BatchWriteItem" && call < 6 ? Fault.HalfUnprocessed : Fault.None);
        var writes = Writes(ItemSamples.UniquePartition(), 75);

        var results = await faulty.Store.WriteAsync(writes, None);

        Assert.All(results, result => Assert.Equal(WriteResult.Success, result));
        await AssertStoredAsync(writes);
        Assert.Equal(faulty.Faults.KeptBack, faulty.Store.Statistics.UnprocessedItems);
        Assert.Equal(6, faulty.Store.Statistics.Retries);
        Assert.Equal(0, faulty.Store.Statistics.Throttles);
    }

    [Fact]
    public async Task UnprocessedItemsBeyondTheRetryLimit_FailTheCall_ReportingExactlyWhatWasWritten()
    {
        using var faulty = new FaultyStore(table, (operation, _) => operation == "BatchWriteItem" ? Fault.HalfUnprocessed : Fault.None, maxAttempts: 3);
        var writes = Writes(ItemSamples.UniquePartition(), 25);

        var failure = await Assert.ThrowsAsync<DynamoDbStoreException>(() => faulty.Store.WriteAsync(writes, None));

        // 25 items: 12 written, then 6 of 13, then 3 of 7; 4 never sent.
        Assert.Contains("gave up after 3 attempts (items still unprocessed)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("21 of 25 writes confirmed", failure.Message, StringComparison.Ordinal);
        var results = failure.Results!;
        var stored = table.CreateStore();
        for (var i = 0; i < writes.Length; i++)
        {
            var item = await stored.GetAsync(writes[i].Item.PartitionKey, writes[i].Item.SortKey, None);
            Assert.Equal(results[i] is not null, item is not null);
        }
    }

    [Fact]
    public async Task ThrottlingThatNeverEnds_FailsTheCall_WithAClearException()
    {
        using var faulty = new FaultyStore(table, (_, _) => Fault.ProvisionedThroughputExceeded, maxAttempts: 4);

        var write = await Assert.ThrowsAsync<DynamoDbStoreException>(() => faulty.Store.WriteAsync(Writes(ItemSamples.UniquePartition(), 3), None));
        var read = await Assert.ThrowsAsync<DynamoDbStoreException>(() => faulty.Store.GetAsync("p", "s", None));

        Assert.Contains($"BatchWriteItem on table '{table.Name}' gave up after 4 attempts (still throttled)", write.Message, StringComparison.Ordinal);
        Assert.Equal([null, null, null], write.Results!);
        Assert.Contains("GetItem", read.Message, StringComparison.Ordinal);
        Assert.Equal((Throttles: 8L, Retries: 6L), (faulty.Store.Statistics.Throttles, faulty.Store.Statistics.Retries));
    }

    [Theory]
    [InlineData(Fault.TransactionThrottled)]
    [InlineData(Fault.TransactionConflict)]
    public async Task CancelledTransactions_AreRetried_AndCounted(Fault fault)
    {
        using var faulty = new FaultyStore(table, (operation, call) => operation == "TransactWriteItems" && call < 2 ? fault : Fault.None);
        var partition = ItemSamples.UniquePartition();
        var taken = ItemSamples.Item(partition, "c#000", version: 50);
        await table.CreateStore().WriteAsync([new ItemWrite(taken)], None);
        var writes = Writes(partition, 30, WriteCondition.IfNewerVersion);

        var results = await faulty.Store.WriteAsync(writes, None);

        Assert.Equal(WriteResult.Refused(taken), results[0]);
        Assert.All(results.Skip(1), result => Assert.Equal(WriteResult.Success, result));
        var statistics = faulty.Store.Statistics;
        Assert.Equal(2, fault == Fault.TransactionThrottled ? statistics.Throttles : statistics.TransactionConflicts);
        Assert.Equal(2, statistics.Retries);
    }

    [Theory]
    [InlineData(ConditionalWriteMode.Transactions, "TransactWriteItems")]
    [InlineData(ConditionalWriteMode.Puts, "PutItem")]
    public async Task ALostResponse_OfAnAppliedConditionalWrite_IsStillReportedAsWritten(ConditionalWriteMode mode, string operation)
    {
        using var faulty = new FaultyStore(table, (name, call) => name == operation && call == 0 ? Fault.LoseResponse : Fault.None, conditionalWrites: mode);
        var writes = Writes(ItemSamples.UniquePartition(), 10, WriteCondition.IfNotExists);

        var results = await faulty.Store.WriteAsync(writes, None);

        // A transaction is sent again with its ClientRequestToken and DynamoDB answers success; a put sent again is
        // refused by the item it wrote, which the store recognises as its own.
        Assert.All(results, result => Assert.Equal(WriteResult.Success, result));
        Assert.Equal(1, faulty.Store.Statistics.Retries);
        await AssertStoredAsync(writes);
    }

    [Fact]
    public async Task ThrottledConditionalPuts_AreRetried_AndRefusalsStillCarryTheStoredItem()
    {
        using var faulty = new FaultyStore(table, (operation, call) => operation == "PutItem" && call % 3 == 0 ? Fault.ProvisionedThroughputExceeded : Fault.None, conditionalWrites: ConditionalWriteMode.Puts);
        var partition = ItemSamples.UniquePartition();
        var taken = ItemSamples.Item(partition, "c#004", version: 50);
        await table.CreateStore().WriteAsync([new ItemWrite(taken)], None);
        var writes = Writes(partition, 12, WriteCondition.IfNewerVersion);

        var results = await faulty.Store.WriteAsync(writes, None);

        Assert.Equal(WriteResult.Refused(taken), results[4]);
        Assert.Equal(11, results.Count(result => result == WriteResult.Success));
        Assert.True(faulty.Store.Statistics.Throttles >= 4, $"throttles: {faulty.Store.Statistics.Throttles}");
    }

    private static ItemWrite[] Writes(string partition, int count, WriteCondition condition = WriteCondition.None) =>
        [.. Enumerable.Range(0, count).Select(i => new ItemWrite(ItemSamples.Item(partition, $"c#{i:D3}", version: 1 + i), condition))];

    private async Task AssertStoredAsync(ItemWrite[] writes)
    {
        var page = await table.CreateStore().QueryAsync(writes[0].Item.PartitionKey, string.Empty, 1000, null, None);
        Assert.Equal(writes.Select(write => write.Item), page.Items);
    }
}
