using GymCoach.Workers.Caching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Caching;

public sealed class TtlCacheTests
{
    private static readonly TimeSpan ShortTtl = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public void TryGet_CountsMissesAndHits()
    {
        var cache = new TtlCache<string>(TimeSpan.FromMinutes(1), capacity: 10);

        Assert.False(cache.TryGet("a", out _));
        cache.Set("a", "value");
        Assert.True(cache.TryGet("a", out var value));

        Assert.Equal("value", value);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Misses);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task GetOrAddAsync_LoadsOnAMissOnly_AndDoesNotCacheNull()
    {
        var cache = new TtlCache<string>(TimeSpan.FromMinutes(1), capacity: 10);
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

    [Fact]
    public async Task Entries_ExpireAfterTheTimeToLiveSinceTheyWereWritten()
    {
        var cache = new TtlCache<string>(ShortTtl, capacity: 10);
        cache.Set("a", "value");
        Assert.True(cache.TryGet("a", out _));

        var elapsed = await Poll.UntilAsync(() => !cache.TryGet("a", out _), Deadline);

        Assert.True(elapsed >= ShortTtl * 0.75, $"Expired after {elapsed}, before its time to live.");
    }

    [Fact]
    public void BeyondCapacity_TheLeastRecentlyUsedAreEvicted()
    {
        var cache = new TtlCache<string>(TimeSpan.FromMinutes(1), capacity: 3);

        for (var i = 0; i < 10; i++)
        {
            cache.Set($"key-{i}", $"value-{i}");
        }

        Assert.InRange(cache.Count, 1, 3);
        Assert.False(cache.TryGet("key-0", out _));
        Assert.True(cache.TryGet("key-9", out _));
    }

    [Fact]
    public void Invalidate_RemovesTheEntry()
    {
        var cache = new TtlCache<string>(TimeSpan.FromMinutes(1), capacity: 10);
        cache.Set("a", "value");

        Assert.True(cache.Invalidate("a"));
        Assert.False(cache.Invalidate("a"));
        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
    }
}
