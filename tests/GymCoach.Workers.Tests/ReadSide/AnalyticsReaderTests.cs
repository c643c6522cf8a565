using GymCoach.Embedded.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Caching;
using GymCoach.Workers.ReadSide;
using GymCoach.Workers.Tests.Handlers;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.ReadSide;

public sealed class AnalyticsReaderTests
{
    [Fact]
    public async Task SecondRead_IsServedFromTheCacheWithoutTouchingTheStore()
    {
        var store = new CountingStore(new EmbeddedItemStore());
        var harness = new WorkerHarness(store: store);
        await harness.WriteAsync(WorkerHarness.WorkoutBody(WorkoutBuilder.For("rae").WithId("w1").Exercise("deadlift", (5, 100m)).Build()));
        await harness.DrainRecomputesAsync();
        var cache = new AnalyticsCache(new CacheOptions());
        var reader = new AnalyticsReader(store, cache);
        var readsBefore = store.Gets;

        var first = await reader.GetAsync("rae", CancellationToken.None);
        var second = await reader.GetAsync("rae", CancellationToken.None);

        Assert.Equal(500m, first!.TotalVolumeKg);
        Assert.Equal(AnalyticsJson.Serialize(first), AnalyticsJson.Serialize(second!));
        Assert.Equal(readsBefore + 1, store.Gets);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Misses);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    public async Task Json_IsTheServedDocument_CompressedInTheCacheOrNot_AndSecondReadIsAHit(int workouts)
    {
        var store = new CountingStore(new EmbeddedItemStore());
        var harness = new WorkerHarness(store: store);
        for (var i = 0; i < workouts; i++)
        {
            await harness.WriteAsync(WorkerHarness.WorkoutBody(
                WorkoutBuilder.For("kit").WithId($"w{i}").At(new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero).AddDays(7 * i)).Exercise($"lift-{i}", (5, 100m)).Build()));
        }

        await harness.DrainRecomputesAsync();
        var cache = new AnalyticsCache(new CacheOptions());
        var reader = new AnalyticsReader(store, cache);

        var first = await reader.GetJsonAsync("kit", CancellationToken.None);
        var second = await reader.GetJsonAsync("kit", CancellationToken.None);

        var document = await new AnalyticsReader(store, new AnalyticsCache(new CacheOptions())).GetAsync("kit", CancellationToken.None);
        Assert.Equal(AnalyticsJson.SerializeToUtf8Bytes(document!), first!.Value.ToArray());
        Assert.Equal(first.Value.ToArray(), second!.Value.ToArray());
        Assert.Equal(workouts > 1 ? 1 : 0, cache.CompressedCount);
        Assert.Equal(1, cache.Hits);
    }

    [Fact]
    public async Task UnknownUser_IsNull()
    {
        var reader = new AnalyticsReader(new EmbeddedItemStore(), new AnalyticsCache(new CacheOptions()));

        Assert.Null(await reader.GetAsync("nobody", CancellationToken.None));
        Assert.Null(await reader.GetJsonAsync("nobody", CancellationToken.None));
    }
}
