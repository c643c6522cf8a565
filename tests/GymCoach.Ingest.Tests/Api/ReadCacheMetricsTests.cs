using System.Text.Json;
using GymCoach.Ingest.Tests.Support;
using GymCoach.Workers.Metrics;

namespace GymCoach.Ingest.Tests.Api;

public sealed class ReadCacheMetricsTests
{
    [Fact]
    public async Task TheApisReadCaches_ReportHitsAndMisses_ByCacheType()
    {
        var metrics = new MetricsRecorder("gymcoach-api-test");
        await using var api = await TestApi.StartAsync(metrics: metrics);
        var reader = api.Client(Keys.ProfileReader);

        foreach (var path in (string[])["v1/exercises", "v1/exercises", "v1/plans", "v1/plans", "v1/plans", "v1/users/nobody/profile"])
        {
            using var response = await reader.GetAsync(new Uri(path, UriKind.Relative));
        }

        using var output = new StringWriter();
        metrics.Flush(output);
        var counts = new Dictionary<(string Metric, string CacheType), double>();
        foreach (var line in output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var root = JsonDocument.Parse(line).RootElement;
            if (root.TryGetProperty("CacheType", out var cacheType))
            {
                Assert.Equal("gymcoach-api-test", root.GetProperty("FunctionName").GetString());
                counts[("CacheHits", cacheType.GetString()!)] = root.GetProperty("CacheHits").GetDouble();
                counts[("CacheMisses", cacheType.GetString()!)] = root.GetProperty("CacheMisses").GetDouble();
            }
        }

        Assert.Equal(1, counts[("CacheHits", "exercises")]);
        Assert.Equal(1, counts[("CacheMisses", "exercises")]);
        Assert.Equal(2, counts[("CacheHits", "plans")]);
        Assert.Equal(1, counts[("CacheMisses", "plans")]);
        Assert.Equal(0, counts[("CacheHits", "profile")]);
        Assert.Equal(1, counts[("CacheMisses", "profile")]);
    }
}
