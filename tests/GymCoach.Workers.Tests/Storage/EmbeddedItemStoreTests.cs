using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Storage;
using GymCoach.Workers.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GymCoach.Workers.Tests.Storage;

/// <summary>Embedded-only behaviour of <see cref="EmbeddedItemStore"/>: exact expiry on a stepped clock, exact paging, validation, concurrency.</summary>
public sealed class EmbeddedItemStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Item_DisappearsTheMomentItExpires()
    {
        var store = new EmbeddedItemStore(_clock);
        var item = ItemSamples.Item("p", "cache#1", expiresAt: _clock.GetUtcNow().AddMinutes(10));
        await store.WriteAsync([new ItemWrite(item)], None);

        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.Equal(item, await store.GetAsync("p", "cache#1", None));
        Assert.Single((await store.QueryAsync("p", "cache#", 10, null, None)).Items);
        _clock.Advance(TimeSpan.FromTicks(1));

        Assert.Null(await store.GetAsync("p", "cache#1", None));
        Assert.Empty((await store.QueryAsync("p", "cache#", 10, null, None)).Items);
    }

    [Fact]
    public async Task ExpiredItem_CountsAsAbsent_ForIfNewerVersion()
    {
        var store = new EmbeddedItemStore(_clock);
        await store.WriteAsync([new ItemWrite(ItemSamples.Item("p", "k", version: 9, expiresAt: _clock.GetUtcNow().AddSeconds(1)))], None);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var result = Assert.Single(await store.WriteAsync([new ItemWrite(ItemSamples.Item("p", "k", version: 2), WriteCondition.IfNewerVersion)], None));

        Assert.True(result.Written);
    }

    [Fact]
    public async Task LastPage_HasNoToken_EvenWhenItIsFull_OrOnlyExpiredItemsFollow()
    {
        var store = new EmbeddedItemStore(_clock);
        await store.WriteAsync(
        [
            .. Enumerable.Range(0, 6).Select(i => new ItemWrite(ItemSamples.Item("p", $"k#{i}"))),
            new ItemWrite(ItemSamples.Item("p", "k#9", expiresAt: _clock.GetUtcNow())),
        ], None);

        var first = await store.QueryAsync("p", "k#", 3, null, None);
        var second = await store.QueryAsync("p", "k#", 3, first.ContinuationToken, None);

        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(["k#3", "k#4", "k#5"], second.Items.Select(item => item.SortKey));
        Assert.Null(second.ContinuationToken);
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("")]
    public async Task Query_WithAForeignToken_IsRejected(string token)
    {
        var store = new EmbeddedItemStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.QueryAsync("p", "", 10, token, None));
    }

    [Fact]
    public async Task WritesToOneKeyInOneCall_ApplyInOrder()
    {
        var store = new EmbeddedItemStore();
        var first = ItemSamples.Item("p", "k", version: 1);

        var results = await store.WriteAsync(
            [new ItemWrite(first, WriteCondition.IfNotExists), new ItemWrite(ItemSamples.Item("p", "k", version: 2), WriteCondition.IfNotExists)], None);

        Assert.Equal([WriteResult.Success, WriteResult.Refused(first)], results);
    }

    [Fact]
    public async Task InvalidWrite_RejectsTheWholeCall_BeforeWritingAnything()
    {
        var store = new EmbeddedItemStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(
            [new ItemWrite(ItemSamples.Item("p", "ok")), new ItemWrite(ItemSamples.Item("p", ""))], None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(
            [new ItemWrite(ItemSamples.Item("p", "big", data: new string('x', EmbeddedItemStore.MaxItemBytes)))], None));

        Assert.Null(await store.GetAsync("p", "ok", None));
    }

    [Fact]
    public async Task ConcurrentVersionedWrites_LeaveTheHighestVersion()
    {
        var store = new EmbeddedItemStore();

        var results = await Task.WhenAll(Enumerable.Range(1, 2_000).Select(version => Task.Run(() =>
            store.WriteAsync([new ItemWrite(ItemSamples.Item($"user#{version % 4}", "analytics", version), WriteCondition.IfNewerVersion)], None))));

        Assert.All(results, result => Assert.True(result[0].Written || result[0].Existing!.Version > 0));
        for (var user = 0; user < 4; user++)
        {
            Assert.Equal(2_000 - ((2_000 - user) % 4), (await store.GetAsync($"user#{user}", "analytics", None))!.Version);
        }
    }

    [Fact]
    public async Task ConcurrentWritersAndQueries_SeeConsistentSortedPages()
    {
        var store = new EmbeddedItemStore();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                await store.WriteAsync([new ItemWrite(ItemSamples.Item("shared", $"w#{(i * 7919) % 2_000:D4}-{writer}"))], None);
            }
        })).ToList();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var keys = new List<string>();
                await foreach (var item in store.QueryAllAsync("shared", "w#", None, pageSize: 97))
                {
                    keys.Add(item.SortKey);
                }

                Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
                Assert.Equal(keys.Count, keys.Distinct().Count());
            }
        });

        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await reader;

        Assert.Equal(8_000, await store.QueryAllAsync("shared", "w#", None).CountAsync());
    }
}
