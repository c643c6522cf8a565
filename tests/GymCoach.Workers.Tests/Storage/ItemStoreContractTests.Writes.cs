using GymCoach.Contracts.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Storage;

/// <summary>The write part of the contract that batching must not change: list order per key, large calls, validation, round trips.</summary>
public abstract partial class ItemStoreContractTests
{
    [Fact]
    public async Task WritesToOneKeyInOneCall_ApplyInListOrder()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var first = ItemSamples.Item(partition, "k", version: 5);
        var newest = ItemSamples.Item(partition, "k", version: 7);

        var results = await store.WriteAsync(
        [
            new ItemWrite(first),
            new ItemWrite(ItemSamples.Item(partition, "other", version: 1), WriteCondition.IfNotExists),
            new ItemWrite(ItemSamples.Item(partition, "k", version: 3), WriteCondition.IfNewerVersion),
            new ItemWrite(newest, WriteCondition.IfNewerVersion),
            new ItemWrite(ItemSamples.Item(partition, "k", version: 9), WriteCondition.IfNotExists),
            new ItemWrite(ItemSamples.Item(partition, "other", version: 2), WriteCondition.IfNotExists),
        ], None);

        Assert.Equal(
            [WriteResult.Success, WriteResult.Success, WriteResult.Refused(first), WriteResult.Success, WriteResult.Refused(newest), WriteResult.Refused(ItemSamples.Item(partition, "other", version: 1))],
            results);
        Assert.Equal(newest, await store.GetAsync(partition, "k", None));
    }

    [Fact]
    public async Task ManyWritesInOneCall_AreAllApplied_AndReportedInOrder()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var stored = Enumerable.Range(0, 40).Select(i => ItemSamples.Item(partition, $"c#{i:D3}", version: 10)).ToList();
        await store.WriteAsync([.. stored.Select(item => new ItemWrite(item))], None);

        // 60 plain writes and 140 conditional ones, interleaved; every fourth conditional one meets a newer stored item.
        var writes = new List<ItemWrite>();
        for (var i = 0; i < 200; i++)
        {
            writes.Add(i % 10 < 3
                ? new ItemWrite(ItemSamples.Item(partition, $"u#{i:D3}"))
                : new ItemWrite(ItemSamples.Item(partition, $"c#{i:D3}", version: i % 4 == 0 ? 5 : 20), WriteCondition.IfNewerVersion));
        }

        var results = await store.WriteAsync(writes, None);

        var expected = writes.Select(write => write.Item.Version == 5 && string.CompareOrdinal(write.Item.SortKey, "c#040") < 0
            ? WriteResult.Refused(stored.Single(item => item.SortKey == write.Item.SortKey))
            : WriteResult.Success);
        Assert.Equal(expected, results);
        var all = await QueryPagesAsync(store, partition, string.Empty, limit: 1000);
        Assert.Equal(writes.Select(write => write.Item.SortKey).Concat(stored.Select(item => item.SortKey)).Distinct().Count(), all.Sum(page => page.Items.Count));
    }

    [Fact]
    public async Task Get_ReturnsTheItemAsWritten_WholeSecondExpiryIncluded()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(2).ToUnixTimeSeconds());
        var item = ItemSamples.Item(partition, "full", version: long.MaxValue, expiresAt: expiresAt) with { Data = "{\"emoji\":\"🏋️\",\"empty\":\"\"}" };

        await store.WriteAsync([new ItemWrite(item)], None);

        Assert.Equal(item, await store.GetAsync(partition, "full", None));
    }

    [Fact]
    public async Task InvalidWrite_RejectsTheWholeCall_BeforeAnythingIsWritten()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var valid = new ItemWrite(ItemSamples.Item(partition, "ok"));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync([valid, new ItemWrite(ItemSamples.Item(partition, string.Empty))], None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync([valid, new ItemWrite(ItemSamples.Item(partition, new string('k', 1025)))], None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync([valid, new ItemWrite(ItemSamples.Item(partition, "big", data: new string('x', 400 * 1024)))], None));

        Assert.Null(await store.GetAsync(partition, "ok", None));
    }

    [Fact]
    public async Task EmptyWriteCall_ReturnsNoResults()
    {
        Assert.Empty(await CreateStore().WriteAsync([], None));
    }
}
