using GymCoach.Contracts.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Storage;

/// <summary>
/// The <see cref="IItemStore"/> contract, run against every backend (embedded, DynamoDB Local, DynamoDB). Each test
/// uses its own partition keys, so backends may share one table.
/// </summary>
/// <remarks>Expired items count as absent for reads, queries and conditions alike, however lazily the backend deletes them.</remarks>
public abstract partial class ItemStoreContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A store over an existing (possibly shared) table.</summary>
    protected abstract IItemStore CreateStore();

    [Fact]
    public async Task Get_OfAMissingItem_ReturnsNull()
    {
        var store = CreateStore();

        Assert.Null(await store.GetAsync(ItemSamples.UniquePartition(), "nothing", None));
    }

    [Fact]
    public async Task UnconditionalWrite_StoresAndOverwrites()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();

        var results = await store.WriteAsync([new ItemWrite(ItemSamples.Item(partition, "profile", version: 5))], None);
        var overwrite = await store.WriteAsync([new ItemWrite(ItemSamples.Item(partition, "profile", version: 1, data: "{\"v\":\"older\"}"))], None);

        Assert.Equal([WriteResult.Success], results);
        Assert.Equal([WriteResult.Success], overwrite);
        Assert.Equal(ItemSamples.Item(partition, "profile", version: 1, data: "{\"v\":\"older\"}"), await store.GetAsync(partition, "profile", None));
    }

    [Fact]
    public async Task IfNotExists_WritesAnAbsentItem_AndRefusesAPresentOne_WithTheStoredItem()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var original = ItemSamples.Item(partition, "workout#1", version: 1, data: "{\"sets\":3}");

        var first = await store.WriteAsync([new ItemWrite(original, WriteCondition.IfNotExists)], None);
        var second = await store.WriteAsync([new ItemWrite(original with { Data = "{\"sets\":9}", Version = 2 }, WriteCondition.IfNotExists)], None);

        Assert.True(Assert.Single(first).Written);
        var refused = Assert.Single(second);
        Assert.False(refused.Written);
        Assert.Equal(original, refused.Existing);
        Assert.Equal(original, await store.GetAsync(partition, "workout#1", None));
    }

    [Theory]
    [InlineData(5, 4, false)]
    [InlineData(5, 5, false)]
    [InlineData(5, 6, true)]
    public async Task IfNewerVersion_WritesOnlyOverALowerVersion(long stored, long incoming, bool written)
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var existing = ItemSamples.Item(partition, "analytics", stored);
        await store.WriteAsync([new ItemWrite(existing)], None);

        var result = Assert.Single(await store.WriteAsync([new ItemWrite(ItemSamples.Item(partition, "analytics", incoming), WriteCondition.IfNewerVersion)], None));

        Assert.Equal(written, result.Written);
        Assert.Equal(written ? null : existing, result.Existing);
        Assert.Equal(written ? incoming : stored, (await store.GetAsync(partition, "analytics", None))!.Version);
    }

    [Fact]
    public async Task IfNewerVersion_WritesAnAbsentItem()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();

        var result = Assert.Single(await store.WriteAsync([new ItemWrite(ItemSamples.Item(partition, "analytics", 1), WriteCondition.IfNewerVersion)], None));

        Assert.True(result.Written);
        Assert.Equal(1, (await store.GetAsync(partition, "analytics", None))!.Version);
    }

    [Fact]
    public async Task WritesInOneCall_AreEvaluatedIndependently_AndReportedInOrder()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var taken = ItemSamples.Item(partition, "taken", 3);
        await store.WriteAsync([new ItemWrite(taken)], None);

        var results = await store.WriteAsync(
        [
            new ItemWrite(ItemSamples.Item(partition, "fresh", 1), WriteCondition.IfNotExists),
            new ItemWrite(ItemSamples.Item(partition, "taken", 9), WriteCondition.IfNotExists),
            new ItemWrite(ItemSamples.Item(partition, "other", 1), WriteCondition.IfNewerVersion),
            new ItemWrite(ItemSamples.Item(partition, "plain", 1)),
        ], None);

        Assert.Equal([true, false, true, true], results.Select(result => result.Written));
        Assert.Equal(taken, results[1].Existing);
        Assert.Equal(3, (await store.GetAsync(partition, "taken", None))!.Version);
        Assert.NotNull(await store.GetAsync(partition, "plain", None));
    }

    [Fact]
    public async Task ConcurrentIfNotExistsWrites_ToOneKey_HaveExactlyOneWinner()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();

        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(version => Task.Run(() =>
            store.WriteAsync([new ItemWrite(ItemSamples.Item(partition, "once", version), WriteCondition.IfNotExists)], None))));

        Assert.Single(results, result => result[0].Written);
    }

    [Fact]
    public async Task Query_ReturnsThePrefixsItemsOfThePartition_AscendingBySortKey()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        await WriteAllAsync(store, partition, ["workout#2024-03-02", "profile", "workout#2024-01-15", "workout#2024-03-01", "workouts-archive", "Workout#upper"]);
        await WriteAllAsync(store, ItemSamples.UniquePartition(), ["workout#2024-01-01"]);

        var page = await store.QueryAsync(partition, "workout#", 100, null, None);

        Assert.Equal(["workout#2024-01-15", "workout#2024-03-01", "workout#2024-03-02"], page.Items.Select(item => item.SortKey));
        Assert.All(page.Items, item => Assert.Equal(partition, item.PartitionKey));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task Query_WithAnEmptyPrefix_ReturnsTheWholePartition()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        await WriteAllAsync(store, partition, ["b", "a", "c"]);

        var page = await store.QueryAsync(partition, string.Empty, 10, null, None);

        Assert.Equal(["a", "b", "c"], page.Items.Select(item => item.SortKey));
    }

    [Fact]
    public async Task Query_PagesThroughEveryItemOnce_InOrder()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var keys = Enumerable.Range(0, 7).Select(i => $"set#{i:D3}").Reverse().ToList();
        await WriteAllAsync(store, partition, keys);

        var pages = await QueryPagesAsync(store, partition, "set#", limit: 3);

        Assert.Equal(keys.Order(StringComparer.Ordinal), pages.SelectMany(page => page.Items).Select(item => item.SortKey));
        Assert.Equal([3, 3, 1], pages.Select(page => page.Items.Count).Where(count => count > 0));
        Assert.All(pages.SkipLast(1), page => Assert.NotNull(page.ContinuationToken));
    }

    [Fact]
    public async Task ContinuationToken_StillWorks_WhenItemsAreAddedBetweenPages()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        await WriteAllAsync(store, partition, ["k#a", "k#b", "k#c", "k#e"]);
        var first = await store.QueryAsync(partition, "k#", 2, null, None);

        await WriteAllAsync(store, partition, ["k#aa", "k#d"]);
        var second = await store.QueryAsync(partition, "k#", 10, first.ContinuationToken, None);

        Assert.Equal(["k#a", "k#b"], first.Items.Select(item => item.SortKey));
        Assert.Equal(["k#c", "k#d", "k#e"], second.Items.Select(item => item.SortKey));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Query_WithALimitOutsideOneToAThousand_IsRejected(int limit)
    {
        var store = CreateStore();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryAsync(ItemSamples.UniquePartition(), "", limit, null, None));
    }

    [Fact]
    public async Task ExpiredItems_AreNotReturned()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        var now = DateTimeOffset.UtcNow;
        await store.WriteAsync(
        [
            new ItemWrite(ItemSamples.Item(partition, "cache#old", expiresAt: now.AddHours(-1))),
            new ItemWrite(ItemSamples.Item(partition, "cache#new", expiresAt: now.AddHours(1))),
        ], None);

        Assert.Null(await store.GetAsync(partition, "cache#old", None));
        Assert.NotNull(await store.GetAsync(partition, "cache#new", None));
        Assert.Equal(["cache#new"], (await store.QueryAsync(partition, "cache#", 10, null, None)).Items.Select(item => item.SortKey));
    }

    [Fact]
    public async Task ExpiredItem_CountsAsAbsent_ForConditions()
    {
        var store = CreateStore();
        var partition = ItemSamples.UniquePartition();
        await store.WriteAsync([new ItemWrite(ItemSamples.Item(partition, "cache", version: 9, expiresAt: DateTimeOffset.UtcNow.AddHours(-1)))], None);

        var results = await store.WriteAsync([new ItemWrite(ItemSamples.Item(partition, "cache", version: 1), WriteCondition.IfNotExists)], None);

        Assert.True(Assert.Single(results).Written);
        Assert.Equal(1, (await store.GetAsync(partition, "cache", None))!.Version);
    }

    protected static async Task WriteAllAsync(IItemStore store, string partition, IEnumerable<string> sortKeys)
    {
        var results = await store.WriteAsync([.. sortKeys.Select(key => new ItemWrite(ItemSamples.Item(partition, key)))], None);
        Assert.All(results, result => Assert.True(result.Written));
    }

    protected static async Task<List<ItemPage>> QueryPagesAsync(IItemStore store, string partition, string prefix, int limit)
    {
        var pages = new List<ItemPage>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(partition, prefix, limit, token, None);
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null && pages.Count < 100);

        return pages;
    }
}
