using GymCoach.Contracts.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Storage;

/// <summary>The secondary index part of the contract: sparse, ascending by index sort key, paged, and eventually consistent on DynamoDB.</summary>
public abstract partial class ItemStoreContractTests
{
    // A global secondary index lags its table on DynamoDB; the contract only promises that it catches up.
    private static readonly TimeSpan IndexLag = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task QueryIndex_ReturnsTheIndexedItemsOfTheIndexPartition_AscendingByIndexSortKey()
    {
        var store = CreateStore();
        var index = ItemSamples.UniquePartition("changed");
        var (alice, bob) = (ItemSamples.UniquePartition(), ItemSamples.UniquePartition());
        await store.WriteAsync(
        [
            new ItemWrite(ItemSamples.Indexed(alice, "ANALYTICS", index, "2026-03-02T10:00:00Z")),
            new ItemWrite(ItemSamples.Indexed(bob, "ANALYTICS", index, "2026-03-01T09:00:00Z")),
            new ItemWrite(ItemSamples.Indexed(bob, "PROFILE", index, "2025-12-31T23:59:59Z")),
            new ItemWrite(ItemSamples.Item(alice, "PROFILE")),
            new ItemWrite(ItemSamples.Indexed(alice, "OTHER", ItemSamples.UniquePartition("changed"), "2026-03-01T00:00:00Z")),
        ], None);

        var page = await IndexPageAsync(store, index, "2026-", 100, expectedCount: 2);

        Assert.Equal([(bob, "ANALYTICS"), (alice, "ANALYTICS")], page.Items.Select(item => (item.PartitionKey, item.SortKey)));
        Assert.Equal(ItemSamples.Indexed(bob, "ANALYTICS", index, "2026-03-01T09:00:00Z"), page.Items[0]);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task QueryIndex_PagesThroughEveryItemOnce_EvenWithEqualIndexSortKeys()
    {
        var store = CreateStore();
        var index = ItemSamples.UniquePartition("changed");
        string[] indexSortKeys = ["t#3", "t#1", "t#2", "t#2", "t#2", "t#1", "t#4"];
        var items = indexSortKeys.Select((key, i) => ItemSamples.Indexed(ItemSamples.UniquePartition(), $"k{i}", index, key)).ToList();
        await store.WriteAsync([.. items.Select(item => new ItemWrite(item))], None);
        await IndexPageAsync(store, index, "t#", 100, expectedCount: items.Count);

        var pages = new List<ItemPage>();
        string? token = null;
        do
        {
            var page = await store.QueryIndexAsync(index, "t#", 3, token, None);
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null && pages.Count < 20);

        var returned = pages.SelectMany(page => page.Items).ToList();
        Assert.Equal([3, 3, 1], pages.Select(page => page.Items.Count));
        Assert.Equal(items.OrderBy(item => item.PartitionKey, StringComparer.Ordinal), returned.OrderBy(item => item.PartitionKey, StringComparer.Ordinal));
        Assert.Equal(indexSortKeys.Order(StringComparer.Ordinal), returned.Select(item => item.IndexSortKey));
    }

    [Fact]
    public async Task QueryIndex_FollowsOverwrites_AndDropsItemsThatLoseTheirIndexKeys()
    {
        var store = CreateStore();
        var index = ItemSamples.UniquePartition("changed");
        var (moved, dropped) = (ItemSamples.UniquePartition(), ItemSamples.UniquePartition());
        await store.WriteAsync([new ItemWrite(ItemSamples.Indexed(moved, "a", index, "t#1")), new ItemWrite(ItemSamples.Indexed(dropped, "a", index, "t#2"))], None);
        await IndexPageAsync(store, index, "t#", 100, expectedCount: 2);

        await store.WriteAsync([new ItemWrite(ItemSamples.Indexed(moved, "a", index, "t#3", version: 2)), new ItemWrite(ItemSamples.Item(dropped, "a", version: 2))], None);
        var page = await ContractPolling.UntilAsync(
            () => store.QueryIndexAsync(index, "t#", 100, null, None),
            page => page.Items.Count == 1 && page.Items[0].Version == 2,
            IndexLag);

        Assert.Equal(ItemSamples.Indexed(moved, "a", index, "t#3", version: 2), Assert.Single(page.Items));
    }

    [Fact]
    public async Task QueryIndex_LeavesOutExpiredItems()
    {
        var store = CreateStore();
        var index = ItemSamples.UniquePartition("changed");
        var now = DateTimeOffset.UtcNow;
        await store.WriteAsync(
        [
            new ItemWrite(ItemSamples.Indexed(ItemSamples.UniquePartition(), "a", index, "t#1", expiresAt: now.AddHours(-1))),
            new ItemWrite(ItemSamples.Indexed(ItemSamples.UniquePartition(), "a", index, "t#2", expiresAt: now.AddHours(1))),
            new ItemWrite(ItemSamples.Indexed(ItemSamples.UniquePartition(), "a", index, "t#3")),
        ], None);

        var page = await IndexPageAsync(store, index, string.Empty, 100, expectedCount: 2);

        Assert.Equal(["t#2", "t#3"], page.Items.Select(item => item.IndexSortKey));
    }

    [Fact]
    public async Task QueryIndex_OfAnUnknownIndexPartition_IsEmpty()
    {
        var page = await CreateStore().QueryIndexAsync(ItemSamples.UniquePartition("changed"), string.Empty, 10, null, None);

        Assert.Empty(page.Items);
        Assert.Null(page.ContinuationToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task QueryIndex_WithALimitOutsideOneToAThousand_IsRejected(int limit)
    {
        var store = CreateStore();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryIndexAsync(ItemSamples.UniquePartition(), "", limit, null, None));
    }

    [Fact]
    public async Task Query_WithATokenFromAnotherKindOfQuery_IsRejected()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        await WriteAllAsync(store, partition, ["a", "b"]);
        var tableToken = (await store.QueryAsync(partition, string.Empty, 1, null, None)).ContinuationToken!;

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryIndexAsync(ItemSamples.UniquePartition(), "", 10, tableToken, None));
    }

    /// <summary>Queries the index until it shows <paramref name="expectedCount"/> items (it lags on DynamoDB).</summary>
    private static Task<ItemPage> IndexPageAsync(IItemStore store, string index, string prefix, int limit, int expectedCount) =>
        ContractPolling.UntilAsync(() => store.QueryIndexAsync(index, prefix, limit, null, None), page => page.Items.Count >= expectedCount, IndexLag);
}
