using GymCoach.Contracts.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Storage;

/// <summary>The batched reads and the all-or-nothing writes the analytics fold is built on.</summary>
public abstract partial class ItemStoreContractTests
{
    [Fact]
    public async Task GetMany_ReturnsOneEntryPerKey_InOrder_NullForMissingAndExpired_RepeatsIncluded()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var other = ItemSamples.UniquePartition();
        var a = ItemSamples.Item(partition, "a");
        var b = ItemSamples.Item(other, "b", version: 4);
        var expired = ItemSamples.Item(partition, "gone", expiresAt: DateTimeOffset.UtcNow.AddMinutes(-5));
        await store.WriteAsync([new ItemWrite(a), new ItemWrite(b), new ItemWrite(expired)], None);

        var items = await store.GetManyAsync(
            [new(other, "b"), new(partition, "missing"), new(partition, "a"), new(partition, "gone"), new(other, "b")], None);

        Assert.Equal([b, null, a, null, b], items);
    }

    [Fact]
    public async Task GetMany_ReadsMoreKeysThanOneBatchHolds()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var stored = Enumerable.Range(0, 230).Select(i => ItemSamples.Item(partition, $"k#{i:D3}", version: i)).ToList();
        await store.WriteAsync([.. stored.Select(item => new ItemWrite(item))], None);

        var items = await store.GetManyAsync([.. stored.Select(ItemKey.Of)], None);

        Assert.Equal(stored, items);
    }

    [Fact]
    public async Task GetMany_OfNoKeys_ReturnsAnEmptyList()
    {
        Assert.Empty(await CreateStore().GetManyAsync([], None));
    }

    [Fact]
    public async Task AtomicWrite_WhenEveryConditionHolds_AppliesEveryWrite()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        await store.WriteAsync([new ItemWrite(ItemSamples.Item(partition, "state", version: 3))], None);
        var writes = new[]
        {
            new ItemWrite(ItemSamples.Item(partition, "state", version: 4), WriteCondition.IfNewerVersion),
            new ItemWrite(ItemSamples.Item(partition, "new", version: 1), WriteCondition.IfNotExists),
            new ItemWrite(ItemSamples.Item(partition, "plain", version: 0)),
        };

        var result = await store.WriteAtomicallyAsync(writes, None);

        Assert.True(result.IsCommitted);
        Assert.Equal(writes.Select(w => w.Item), await store.GetManyAsync([.. writes.Select(w => ItemKey.Of(w.Item))], None));
    }

    [Fact]
    public async Task AtomicWrite_WhenOneConditionFails_WritesNothing_AndNamesTheRefusedWriteWithTheStoredItem()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var state = ItemSamples.Item(partition, "state", version: 5);
        var folded = ItemSamples.Item(partition, "w#1", version: 1);
        await store.WriteAsync([new ItemWrite(state), new ItemWrite(folded)], None);

        var result = await store.WriteAtomicallyAsync(
        [
            new ItemWrite(ItemSamples.Item(partition, "state", version: 6), WriteCondition.IfNewerVersion),
            new ItemWrite(ItemSamples.Item(partition, "w#2", version: 1), WriteCondition.IfNewerVersion),
            new ItemWrite(ItemSamples.Item(partition, "w#1", version: 1), WriteCondition.IfNewerVersion),
            new ItemWrite(ItemSamples.Item(partition, "plain")),
        ], None);

        Assert.False(result.IsCommitted);
        Assert.Equal([new RefusedWrite(2, folded)], result.Refused);
        Assert.Equal([state, null, folded, null], await store.GetManyAsync([new(partition, "state"), new(partition, "w#2"), new(partition, "w#1"), new(partition, "plain")], None));
    }

    [Fact]
    public async Task AtomicWrite_SpansPartitions()
    {
        var store = CreateStore();
        var first = ItemSamples.Item(ItemSamples.UniquePartition(), "x");
        var second = ItemSamples.Item(ItemSamples.UniquePartition(), "y");

        var result = await store.WriteAtomicallyAsync([new ItemWrite(first, WriteCondition.IfNotExists), new ItemWrite(second, WriteCondition.IfNotExists)], None);

        Assert.True(result.IsCommitted);
        Assert.Equal([first, second], await store.GetManyAsync([ItemKey.Of(first), ItemKey.Of(second)], None));
    }

    [Fact]
    public async Task AtomicWrite_RefusesTwoWritesToOneKey_AndMoreThanAHundredWrites_WritingNothing()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAtomicallyAsync(
            [new ItemWrite(ItemSamples.Item(partition, "k")), new ItemWrite(ItemSamples.Item(partition, "k", version: 2))], None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAtomicallyAsync(
            [.. Enumerable.Range(0, 101).Select(i => new ItemWrite(ItemSamples.Item(partition, $"k#{i}")))], None));

        Assert.Empty((await store.QueryAsync(partition, string.Empty, 10, null, None)).Items);
    }

    [Fact]
    public async Task ConcurrentAtomicWrites_OfTheSameVersionStep_CommitExactlyOnce()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        await store.WriteAsync([new ItemWrite(ItemSamples.Item(partition, "state", version: 1))], None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.WriteAtomicallyAsync(
        [
            new ItemWrite(ItemSamples.Item(partition, "state", version: 2, data: $"{{\"by\":{i}}}"), WriteCondition.IfNewerVersion),
            new ItemWrite(ItemSamples.Item(partition, $"mark#{i}")),
        ], None)));

        Assert.Single(results, r => r.IsCommitted);
        var marks = (await store.QueryAsync(partition, "mark#", 100, null, None)).Items;
        Assert.Single(marks);
    }
}
