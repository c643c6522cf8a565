using GymCoach.Workers.Analytics;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Caching;

/// <summary>The cache never goes back in time: of two documents of a user, the one of the higher version stays.</summary>
/// <remarks>A document's version is <see cref="AnalyticsDocument.ComputedFromWorkouts"/>, which only grows with each fold.</remarks>
public sealed class AnalyticsCacheVersionTests
{
    public static TheoryData<bool> AsJson => [false, true];

    [Fact]
    public void Set_KeepsTheNewerDocument_WhenAnOlderOneIsSetLate()
    {
        var cache = new AnalyticsCache(new CacheOptions());

        cache.Set(Version("user-1", 3));
        cache.Set(Version("user-1", 1));

        Assert.True(cache.TryGet("user-1", out var document));
        Assert.Equal(3, document.ComputedFromWorkouts);
    }

    [Fact]
    public void Set_OfTheSameVersion_Replaces_SoARebuildIsServed()
    {
        var cache = new AnalyticsCache(new CacheOptions());
        var rebuilt = Version("user-1", 2) with { CurrentStreakWeeks = 42 };

        cache.Set(Version("user-1", 2));
        cache.Set(rebuilt);

        Assert.True(cache.TryGet("user-1", out var document));
        Assert.Equal(42, document.CurrentStreakWeeks);
    }

    [Fact]
    public async Task ConcurrentSets_LeaveTheHighestVersion()
    {
        var cache = new AnalyticsCache(new CacheOptions());
        var documents = Enumerable.Range(1, 400).Select(version => Version("user-1", version)).Reverse().ToList();

        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 4 }, (document, _) =>
        {
            cache.Set(document);
            return ValueTask.CompletedTask;
        });

        Assert.True(cache.TryGet("user-1", out var cached));
        Assert.Equal(400, cached.ComputedFromWorkouts);
    }

    [Theory]
    [MemberData(nameof(AsJson))]
    public async Task AReaderThatLoadedAnOlderDocumentBeforeAnInvalidate_DoesNotPutItBack(bool asJson)
    {
        var cache = new AnalyticsCache(new CacheOptions());
        var store = new FakeAnalyticsStore().With(Version("user-1", 1));

        // The reader has read version 1; meanwhile a worker stores version 2 and invalidates the cached document.
        store.DuringLoad = () =>
        {
            store.With(Version("user-1", 2));
            cache.Invalidate("user-1");
        };
        var first = await ReadAsync(cache, store, asJson);
        store.DuringLoad = null;
        var second = await ReadAsync(cache, store, asJson);

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.Equal(2, store.Loads.Count);
    }

    [Theory]
    [MemberData(nameof(AsJson))]
    public async Task ALoadOlderThanADocumentSetDuringIt_IsServedTheNewerOne(bool asJson)
    {
        var cache = new AnalyticsCache(new CacheOptions());
        var store = new FakeAnalyticsStore().With(Version("user-1", 1));
        store.DuringLoad = () => cache.Set(Version("user-1", 2));

        var read = await ReadAsync(cache, store, asJson);

        Assert.Equal(2, read);
        Assert.True(cache.TryGet("user-1", out var cached));
        Assert.Equal(2, cached.ComputedFromWorkouts);
    }

    private static AnalyticsDocument Version(string userId, int version) =>
        AnalyticsDocuments.For(userId) with { ComputedFromWorkouts = version };

    /// <summary>Reads through the cache and returns the version served.</summary>
    private static async Task<int> ReadAsync(AnalyticsCache cache, FakeAnalyticsStore store, bool asJson)
    {
        if (!asJson)
        {
            return (await cache.GetOrAddAsync("user-1", store.LoaderFor("user-1"), CancellationToken.None))!.ComputedFromWorkouts;
        }

        var json = await cache.GetOrAddJsonAsync("user-1", store.LoaderFor("user-1"), CancellationToken.None);
        return AnalyticsJson.Parse(json!.Value.Span).ComputedFromWorkouts;
    }
}
