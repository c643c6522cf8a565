using GymCoach.Workers.Caching;

namespace GymCoach.Workers.Tests.Caching;

public sealed class CacheOptionsTests
{
    [Fact]
    public void Defaults_AreFiveMinutesOneHourAThousandEntriesAndOneKilobyte()
    {
        var options = new CacheOptions();

        Assert.Equal(TimeSpan.FromMinutes(5), options.UserDataTtl);
        Assert.Equal(TimeSpan.FromHours(1), options.StaticDataTtl);
        Assert.Equal(1000, options.Capacity);
        Assert.Equal(1024, options.CompressionThresholdBytes);
        Assert.Equal(CacheOptions.DefaultPolicy, options.Policy);
        options.Validate();
    }

    [Fact]
    public void Validate_ReportsEveryInvalidSettingAtOnce()
    {
        var options = new CacheOptions
        {
            UserDataTtl = TimeSpan.Zero,
            StaticDataTtl = TimeSpan.FromSeconds(-1),
            Capacity = 2,
            CompressionThresholdBytes = -1,
            Policy = (CachePolicy)42,
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(nameof(CacheOptions.UserDataTtl), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(CacheOptions.StaticDataTtl), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(CacheOptions.Capacity), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(CacheOptions.CompressionThresholdBytes), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(CacheOptions.Policy), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Caches_RefuseInvalidOptions()
    {
        var options = new CacheOptions { Capacity = 0 };

        Assert.Throws<ArgumentException>(() => new AnalyticsCache(options));
        Assert.Throws<ArgumentException>(() => new ProfileCache(options));
        Assert.Throws<ArgumentException>(() => new StaticDocumentCache(CacheTypes.Plans, () => new CachedJson([]), options));
    }
}
