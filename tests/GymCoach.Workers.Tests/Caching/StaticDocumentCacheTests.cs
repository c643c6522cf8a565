using System.Text;
using GymCoach.Workers.Caching;

namespace GymCoach.Workers.Tests.Caching;

public sealed class StaticDocumentCacheTests
{
    [Fact]
    public void TheFirstRead_IsAMissThatLoads_TheNextAreHitsOfTheSameBytes()
    {
        var loads = 0;
        var cache = new StaticDocumentCache(CacheTypes.Exercises, () => { loads++; return new CachedJson("""{"a":1}"""u8.ToArray()); }, new CacheOptions());

        var first = cache.Get();
        var second = cache.Get();
        var third = cache.Get();

        Assert.Equal(1, loads);
        Assert.Same(first, second);
        Assert.Same(first, third);
        Assert.Equal(new CacheStatistics(CacheTypes.Exercises, Hits: 2, Misses: 1), cache.Statistics);
    }

    [Fact]
    public async Task TheDocument_ExpiresAfterTheStaticDataTtl_NotTheUserDataTtl()
    {
        var cache = new StaticDocumentCache(
            CacheTypes.Plans,
            () => new CachedJson("[]"u8.ToArray()),
            new CacheOptions { UserDataTtl = TimeSpan.FromHours(1), StaticDataTtl = TimeSpan.FromMilliseconds(200) });
        cache.Get();

        await Poll.UntilAsync(
            () =>
            {
                var missesBefore = cache.Statistics.Misses;
                cache.Get();
                return cache.Statistics.Misses > missesBefore;
            },
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void TheETag_IsStrong_AndTheSameForTheSameBytes()
    {
        var json = Encoding.UTF8.GetBytes("""{"plans":[]}""");

        var etag = new CachedJson(json).ETag;

        Assert.Equal(etag, new CachedJson([.. json]).ETag);
        Assert.NotEqual(etag, new CachedJson("""{"plans":[1]}"""u8.ToArray()).ETag);
        Assert.Matches("^\"[0-9a-f]{32}\"$", etag);
    }
}
