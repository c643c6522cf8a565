using GymCoach.Workers.Caching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Caching;

public sealed class ExerciseCacheTests
{
    [Fact]
    public void LibraryExercises_AreCachedAfterTheFirstLookup()
    {
        var cache = new ExerciseCache(new CacheOptions());

        Assert.True(cache.TryGet("bench-press", out var first));
        Assert.True(cache.TryGet("bench-press", out var second));

        Assert.Equal("Bench Press", first.Name);
        Assert.Same(first, second);
        Assert.Equal(1, cache.Misses);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void CustomExercises_AreNotFound_AndNotCached()
    {
        var cache = new ExerciseCache(new CacheOptions());

        Assert.False(cache.TryGet("my-custom-move", out var entry));

        Assert.Null(entry);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Entries_ExpireAfterTheStaticDataTtl_NotTheUserDataTtl()
    {
        var cache = new ExerciseCache(new CacheOptions
        {
            UserDataTtl = TimeSpan.FromHours(1),
            StaticDataTtl = TimeSpan.FromMilliseconds(200),
        });
        Assert.True(cache.TryGet("deadlift", out _));

        await Poll.UntilAsync(
            () =>
            {
                var missesBefore = cache.Misses;
                cache.TryGet("deadlift", out _);
                return cache.Misses > missesBefore;
            },
            TimeSpan.FromSeconds(10));
    }
}
