using System.Text.Json;
using GymCoach.Embedded.Storage;
using GymCoach.Workers.Caching;
using GymCoach.Workers.ReadSide;
using GymCoach.Workers.Tests.Handlers;

namespace GymCoach.Workers.Tests.ReadSide;

public sealed class ProfileReaderTests
{
    private static readonly DateTimeOffset UpdatedAt = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task AStoredProfile_IsServedAsItsDocument_AndTheSecondReadIsAHit()
    {
        var store = new CountingStore(new EmbeddedItemStore());
        var harness = new WorkerHarness(store: store);
        await harness.WriteAsync(WorkerHarness.ProfileBody("rae", "Rae", UpdatedAt));
        var cache = new ProfileCache(new CacheOptions());
        var reader = new ProfileReader(store, cache);
        var readsBefore = store.Gets;

        var first = await reader.GetJsonAsync("rae", CancellationToken.None);
        var second = await reader.GetJsonAsync("rae", CancellationToken.None);

        var document = JsonSerializer.Deserialize(first!.Json.Span, ReadSideJsonContext.Default.ProfileDocument)!;
        Assert.Equal(("rae", "Rae", 80m, UpdatedAt), (document.UserId, document.DisplayName, document.Bodyweight, document.UpdatedAt));
        Assert.Equal(["strength"], document.Goals);
        Assert.Same(first, second);
        Assert.Equal(readsBefore + 1, store.Gets);
        Assert.Equal(new CacheStatistics(CacheTypes.Profile, Hits: 1, Misses: 1), cache.Statistics);
    }

    [Fact]
    public async Task AnUnknownUser_IsNull_AndNotCached()
    {
        var cache = new ProfileCache(new CacheOptions());
        var reader = new ProfileReader(new EmbeddedItemStore(), cache);

        Assert.Null(await reader.GetJsonAsync("nobody", CancellationToken.None));
        Assert.Null(await reader.GetJsonAsync("nobody", CancellationToken.None));

        Assert.Equal(0, cache.Count);
        Assert.Equal(2, cache.Statistics.Misses);
    }

    [Fact]
    public async Task AnUpdate_IsServedOnceTheCachedProfileExpires_OrAtOnceWhenInvalidated()
    {
        var harness = new WorkerHarness();
        var cache = new ProfileCache(new CacheOptions { UserDataTtl = TimeSpan.FromMilliseconds(300) });
        var reader = new ProfileReader(harness.Store, cache);
        await harness.WriteAsync(WorkerHarness.ProfileBody("gus", "Old Name", UpdatedAt));
        var old = await reader.GetJsonAsync("gus", CancellationToken.None);
        await harness.WriteAsync(WorkerHarness.ProfileBody("gus", "New Name", UpdatedAt.AddDays(1)));

        Assert.Same(old, await reader.GetJsonAsync("gus", CancellationToken.None));
        await Poll.UntilAsync(() => DisplayName(reader.GetJsonAsync("gus", CancellationToken.None).GetAwaiter().GetResult()) == "New Name", TimeSpan.FromSeconds(10));

        await harness.WriteAsync(WorkerHarness.ProfileBody("gus", "Newest Name", UpdatedAt.AddDays(2)));
        Assert.True(cache.Invalidate("gus"));
        Assert.Equal("Newest Name", DisplayName(await reader.GetJsonAsync("gus", CancellationToken.None)));
    }

    private static string? DisplayName(CachedJson? json) =>
        json is null ? null : JsonSerializer.Deserialize(json.Json.Span, ReadSideJsonContext.Default.ProfileDocument)!.DisplayName;
}
