using GymCoach.Workers.Analytics;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Caching;

public sealed class AnalyticsCacheTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task GetOrAddAsync_LoadsFromTheStoreOnAMiss_ThenServesFromTheCache()
    {
        var document = AnalyticsDocuments.For("user-1");
        var store = new FakeAnalyticsStore().With(document);
        var cache = new AnalyticsCache(new CacheOptions());

        var first = await cache.GetOrAddAsync("user-1", store.LoaderFor("user-1"), CancellationToken.None);
        var second = await cache.GetOrAddAsync("user-1", store.LoaderFor("user-1"), CancellationToken.None);

        Assert.Equal(AnalyticsJson.Serialize(document), AnalyticsJson.Serialize(first!));
        Assert.Equal(AnalyticsJson.Serialize(document), AnalyticsJson.Serialize(second!));
        Assert.Equal(["user-1"], store.Loads);
        Assert.Equal(1, cache.Misses);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task GetOrAddAsync_OfAUserWithoutADocument_IsNotCached()
    {
        var store = new FakeAnalyticsStore();
        var cache = new AnalyticsCache(new CacheOptions());

        Assert.Null(await cache.GetOrAddAsync("nobody", store.LoaderFor("nobody"), CancellationToken.None));
        Assert.Null(await cache.GetOrAddAsync("nobody", store.LoaderFor("nobody"), CancellationToken.None));

        Assert.Equal(["nobody", "nobody"], store.Loads);
        Assert.Equal(0, cache.Count);
        Assert.Equal(2, cache.Misses);
    }

    [Fact]
    public async Task GetOrAddAsync_ReturnsADocumentSetDuringTheLoad_InsteadOfTheStaleLoadedOne()
    {
        var stale = AnalyticsDocuments.For("user-1", workouts: 1);
        var fresh = AnalyticsDocuments.For("user-1", workouts: 2);
        var cache = new AnalyticsCache(new CacheOptions());
        var store = new FakeAnalyticsStore().With(stale);
        store.DuringLoad = () => cache.Set(fresh);

        var result = await cache.GetOrAddAsync("user-1", store.LoaderFor("user-1"), CancellationToken.None);

        Assert.Equal(2, result!.ComputedFromWorkouts);
        Assert.True(cache.TryGet("user-1", out var cached));
        Assert.Equal(2, cached.ComputedFromWorkouts);
    }

    [Fact]
    public void Set_ReplacesTheCachedDocumentAfterARecompute()
    {
        var cache = new AnalyticsCache(new CacheOptions());

        cache.Set(AnalyticsDocuments.For("user-1", workouts: 1));
        cache.Set(AnalyticsDocuments.For("user-1", workouts: 3));

        Assert.True(cache.TryGet("user-1", out var document));
        Assert.Equal(3, document.ComputedFromWorkouts);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void DocumentsOverTheThreshold_AreStoredCompressed_AndReadBackIdentical()
    {
        var small = AnalyticsDocuments.For("small-user");
        var large = AnalyticsDocuments.For("large-user", workouts: 30, exercisesPerWorkout: 10);
        var cache = new AnalyticsCache(new CacheOptions { CompressionThresholdBytes = 1024 });

        cache.Set(small);
        cache.Set(large);

        Assert.True(AnalyticsJson.SerializeToUtf8Bytes(small).Length <= 1024);
        Assert.True(AnalyticsJson.SerializeToUtf8Bytes(large).Length > 1024);
        Assert.Equal(1, cache.CompressedCount);
        Assert.True(cache.TryGet("large-user", out var readLarge));
        Assert.True(cache.TryGet("small-user", out var readSmall));
        Assert.Equal(AnalyticsJson.Serialize(large), AnalyticsJson.Serialize(readLarge));
        Assert.Equal(AnalyticsJson.Serialize(small), AnalyticsJson.Serialize(readSmall));
    }

    [Fact]
    public void CompressionThreshold_IsExclusive()
    {
        var document = AnalyticsDocuments.For("user-1", workouts: 4, exercisesPerWorkout: 3);
        var length = AnalyticsJson.SerializeToUtf8Bytes(document).Length;
        var atThreshold = new AnalyticsCache(new CacheOptions { CompressionThresholdBytes = length });
        var belowLength = new AnalyticsCache(new CacheOptions { CompressionThresholdBytes = length - 1 });

        atThreshold.Set(document);
        belowLength.Set(document);

        Assert.Equal(0, atThreshold.CompressedCount);
        Assert.Equal(1, belowLength.CompressedCount);
        Assert.True(belowLength.TryGet("user-1", out var read));
        Assert.Equal(AnalyticsJson.Serialize(document), AnalyticsJson.Serialize(read));
    }

    [Fact]
    public void CompressedEntries_DecodeAfterTheOriginalBufferIsReused()
    {
        // Guards against holding a rented (pooled) buffer: encode many in a row, then read the first back.
        var cache = new AnalyticsCache(new CacheOptions { CompressionThresholdBytes = 0 });
        var first = AnalyticsDocuments.For("user-0", workouts: 5, exercisesPerWorkout: 4);
        cache.Set(first);
        for (var i = 1; i < 20; i++)
        {
            cache.Set(AnalyticsDocuments.For($"user-{i}", workouts: 5 + i, exercisesPerWorkout: 4));
        }

        Assert.True(cache.TryGet("user-0", out var read));
        Assert.Equal(AnalyticsJson.Serialize(first), AnalyticsJson.Serialize(read));
    }

    [Fact]
    public void Invalidate_DropsTheUsersDocument()
    {
        var cache = new AnalyticsCache(new CacheOptions());
        cache.Set(AnalyticsDocuments.For("user-1"));

        Assert.True(cache.Invalidate("user-1"));
        Assert.False(cache.TryGet("user-1", out var document));
        Assert.Null(document);
        Assert.False(cache.Invalidate("user-1"));
    }

    [Fact]
    public async Task Documents_ExpireAfterTheUserDataTtl()
    {
        var cache = new AnalyticsCache(new CacheOptions { UserDataTtl = TimeSpan.FromMilliseconds(200) });
        cache.Set(AnalyticsDocuments.For("user-1"));
        Assert.True(cache.TryGet("user-1", out _));

        await Poll.UntilAsync(() => !cache.TryGet("user-1", out _), Deadline);

        Assert.True(cache.Misses >= 1);
    }

    [Fact]
    public void Lru_BeyondCapacity_OlderUsersAreEvicted()
    {
        var cache = new AnalyticsCache(new CacheOptions { Capacity = 3, Policy = CachePolicy.Lru });

        for (var i = 0; i < 10; i++)
        {
            cache.Set(AnalyticsDocuments.For($"user-{i}"));
        }

        Assert.InRange(cache.Count, 1, 3);
        Assert.False(cache.TryGet("user-0", out _));
        Assert.True(cache.TryGet("user-9", out _));
    }

    [Fact]
    public async Task GetOrAddEncodedAsync_ServesTheHeldDocumentOnAHit_AndCountsLikeTheOtherReads()
    {
        var document = AnalyticsDocuments.For("user-1", workouts: 20, exercisesPerWorkout: 6);
        var store = new FakeAnalyticsStore().With(document);
        var cache = new AnalyticsCache(new CacheOptions());

        var loaded = await cache.GetOrAddEncodedAsync("user-1", store.LoaderFor("user-1"), CancellationToken.None);
        var hit = await cache.GetOrAddEncodedAsync("user-1", store.LoaderFor("user-1"), CancellationToken.None);

        Assert.Same(loaded, hit);
        Assert.True(hit!.IsCompressed);
        Assert.Equal(AnalyticsJson.SerializeToUtf8Bytes(document), hit.ToJson().ToArray());
        Assert.Equal(["user-1"], store.Loads);
        Assert.Equal(1, cache.Misses);
        Assert.Equal(1, cache.Hits);
    }

    [Fact]
    public async Task GetOrAddEncodedAsync_OfAUserWithoutADocument_IsNull()
    {
        var cache = new AnalyticsCache(new CacheOptions());

        Assert.Null(await cache.GetOrAddEncodedAsync("nobody", new FakeAnalyticsStore().LoaderFor("nobody"), CancellationToken.None));
        Assert.Equal(0, cache.Count);
    }
}
