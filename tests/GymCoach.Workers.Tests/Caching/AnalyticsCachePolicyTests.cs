using GymCoach.Workers.Caching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Caching;

/// <summary>The analytics cache keeps its rules (hits and misses, the version rule, expiry) whichever eviction policy it uses.</summary>
public sealed class AnalyticsCachePolicyTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static TheoryData<CachePolicy> Policies => [CachePolicy.Lru, CachePolicy.Lfu];

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task ReadsCountHitsAndMisses(CachePolicy policy)
    {
        var store = new FakeAnalyticsStore().With(AnalyticsDocuments.For("user-1"));
        var cache = new AnalyticsCache(new CacheOptions { Policy = policy });

        await cache.GetOrAddAsync("user-1", store.LoaderFor("user-1"), CancellationToken.None);
        await cache.GetOrAddEncodedAsync("user-1", store.LoaderFor("user-1"), CancellationToken.None);

        Assert.Equal(1, cache.Misses);
        Assert.Equal(1, cache.Hits);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Set_KeepsTheNewerDocument(CachePolicy policy)
    {
        var cache = new AnalyticsCache(new CacheOptions { Policy = policy });

        cache.Set(AnalyticsDocuments.For("user-1") with { ComputedFromWorkouts = 3 });
        cache.Set(AnalyticsDocuments.For("user-1") with { ComputedFromWorkouts = 1 });

        Assert.True(cache.TryGet("user-1", out var document));
        Assert.Equal(3, document.ComputedFromWorkouts);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Documents_ExpireAfterTheUserDataTtl(CachePolicy policy)
    {
        var cache = new AnalyticsCache(new CacheOptions { Policy = policy, UserDataTtl = TimeSpan.FromMilliseconds(200) });
        cache.Set(AnalyticsDocuments.For("user-1"));
        Assert.True(cache.TryGet("user-1", out _));

        await Poll.UntilAsync(() => !cache.TryGet("user-1", out _), Deadline);
    }
}
