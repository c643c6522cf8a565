using GymCoach.Workers.Caching;

namespace GymCoach.Workers.Tests.Caching;

public sealed class TtlCacheTests
{
    private static readonly TimeSpan ShortTtl = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static TheoryData<CachePolicy> Policies => [CachePolicy.Lru, CachePolicy.Lfu];

    [Theory]
    [MemberData(nameof(Policies))]
    public void TryGet_CountsMissesAndHits(CachePolicy policy)
    {
        var cache = new TtlCache<string>(TimeSpan.FromMinutes(1), capacity: 10, policy);

        Assert.False(cache.TryGet("a", out _));
        cache.Set("a", "value");
        Assert.True(cache.TryGet("a", out var value));

        Assert.Equal("value", value);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Misses);
        Assert.Equal(1, cache.Count);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task GetOrAddAsync_LoadsOnAMissOnly_AndDoesNotCacheNull(CachePolicy policy)
    {
        var cache = new TtlCache<string>(TimeSpan.FromMinutes(1), capacity: 10, policy);
        var loads = 0;
        Task<string?> Load(CancellationToken cancellationToken)
        {
            loads++;
            return Task.FromResult<string?>("loaded");
        }

        Assert.Equal("loaded", await cache.GetOrAddAsync("a", Load, CancellationToken.None));
        Assert.Equal("loaded", await cache.GetOrAddAsync("a", Load, CancellationToken.None));
        Assert.Null(await cache.GetOrAddAsync("b", _ => Task.FromResult<string?>(null), CancellationToken.None));
        Assert.Null(await cache.GetOrAddAsync("b", _ => Task.FromResult<string?>(null), CancellationToken.None));

        Assert.Equal(1, loads);
        Assert.Equal(1, cache.Count);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(3, cache.Misses);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Entries_ExpireAfterTheTimeToLiveSinceTheyWereWritten(CachePolicy policy)
    {
        var cache = new TtlCache<string>(ShortTtl, capacity: 10, policy);
        cache.Set("a", "value");
        Assert.True(cache.TryGet("a", out _));

        var elapsed = await Poll.UntilAsync(() => !cache.TryGet("a", out _), Deadline);

        Assert.True(elapsed >= ShortTtl * 0.75, $"Expired after {elapsed}, before its time to live.");
    }

    [Fact]
    public void Lru_BeyondCapacity_TheLeastRecentlyUsedAreEvicted()
    {
        var cache = new TtlCache<string>(TimeSpan.FromMinutes(1), capacity: 3, CachePolicy.Lru);

        for (var i = 0; i < 10; i++)
        {
            cache.Set($"key-{i}", $"value-{i}");
        }

        Assert.InRange(cache.Count, 1, 3);
        Assert.False(cache.TryGet("key-0", out _));
        Assert.True(cache.TryGet("key-9", out _));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Invalidate_RemovesTheEntry(CachePolicy policy)
    {
        var cache = new TtlCache<string>(TimeSpan.FromMinutes(1), capacity: 10, policy);
        cache.Set("a", "value");

        Assert.True(cache.Invalidate("a"));
        Assert.False(cache.Invalidate("a"));
        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Lfu_BeyondCapacity_SettlesBackToItsCapacity()
    {
        var cache = new TtlCache<string>(TimeSpan.FromMinutes(1), capacity: 10, CachePolicy.Lfu);

        for (var i = 0; i < 100; i++)
        {
            cache.Set($"key-{i}", $"value-{i}");
        }

        // The LFU evicts on the thread pool, in batches: a moment over capacity is allowed, staying over is not.
        await Poll.UntilAsync(() => cache.Count <= 10, Deadline);
        Assert.InRange(cache.Count, 1, 10);
    }

    [Fact]
    public void Policy_IsTheOneAskedFor_AndTheDefaultWhenNoneIs()
    {
        Assert.Equal(CachePolicy.Lfu, new TtlCache<string>(TimeSpan.FromMinutes(1), CacheOptions.MinimumCapacity, CachePolicy.Lfu).Policy);
        Assert.Equal(CachePolicy.Lru, new TtlCache<string>(TimeSpan.FromMinutes(1), CacheOptions.MinimumCapacity, CachePolicy.Lru).Policy);
        Assert.Equal(CacheOptions.DefaultPolicy, new TtlCache<string>(TimeSpan.FromMinutes(1), 10).Policy);
    }

    [Fact]
    public void UnknownPolicy_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TtlCache<string>(TimeSpan.FromMinutes(1), 10, (CachePolicy)42));
    }
}
