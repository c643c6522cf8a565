using System.Globalization;
using System.Text.RegularExpressions;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Demo;
using GymCoach.Cli.Hosting;
using GymCoach.Cli.Reports.Live;
using GymCoach.Cli.Tests.Support;

namespace GymCoach.Cli.Tests.Reports;

/// <summary>The live dashboard of <c>gymcoach run</c>, loaded in headless Chromium after a short burst of workouts.</summary>
[Trait("Category", "Slow")]
public sealed class DashboardBrowserTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly string[] Charts = ["throughput", "failures", "depth", "lag", "invocation", "cache"];
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-dashboard-").FullName;
    private EmbeddedBackend? _backend;
    private ApiServer? _server;

    public async Task InitializeAsync()
    {
        _backend = await EmbeddedBackend.OpenAsync(_state, StateAccess.Write, "test", CancellationToken.None);
        _server = await ApiServer.StartAsync(_backend, new ApiServerSettings { Port = 0, RequestsPerSecond = 1_000_000, Pipeline = DemoRunner.Settings(null) }, Serilog.Core.Logger.None, verbose: false, CancellationToken.None);

        var workload = new WorkloadGenerator(new DemoOptions { Users = 5, Workouts = 200, Seed = 3 }).Generate();
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        await new DemoApiClient(http, _server.ApiKey).PostWaveAsync(workload.FirstWave, _ => { }, CancellationToken.None);
        await WaitUntilProcessedAsync(_server);

        // Reads of the analytics, so the cache chart has a hit rate: the first of each user misses, the second hits.
        http.DefaultRequestHeaders.Add("X-Api-Key", _server.ApiKey);
        foreach (var user in (string[])["user-00001", "user-00002", "user-00001", "user-00002"])
        {
            using var response = await http.GetAsync(new Uri($"v1/users/{user}/analytics", UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }

        // And of the static documents, so the read-cache table has a row with hits for each.
        foreach (var path in (string[])["v1/exercises", "v1/exercises", "v1/plans", "v1/plans"])
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }

        await WaitUntilAsync(_server, snapshot => snapshot.Samples.Any(static sample => sample.CacheHitRate is not null), "a sample with cache reads");
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        if (_backend is not null)
        {
            await _backend.DisposeAsync();
            _backend = null;
        }

        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    [Fact]
    public async Task Dashboard_DrawsEveryChartWithData_AndANonZeroThroughput()
    {
        var dom = await Chromium.DumpDomAsync(new Uri(_server!.BaseAddress, "dashboard").ToString());

        foreach (var chart in Charts)
        {
            var svg = Regex.Match(dom, $"""<svg[^>]*data-chart="{chart}"[^>]*>(.*?)</svg>""", RegexOptions.Singleline);
            Assert.True(svg.Success, $"no chart {chart} in the DOM: {dom}");
            Assert.True(Regex.IsMatch(svg.Groups[1].Value, """<path class="series" data-series="[a-zA-Z0-9]+" stroke="#[0-9a-f]{6}" d="M[0-9.]+ [0-9.]+"""), $"chart {chart} has no line: {svg.Value}");
        }

        Assert.True(Figure(dom, "writesProcessed") > 0, dom);
        Assert.True(Figure(dom, "averageThroughput") > 0, dom);
    }

    [Fact]
    public async Task Dashboard_ShowsEachCacheTypesHitsAndMisses()
    {
        var dom = await Chromium.DumpDomAsync(new Uri(_server!.BaseAddress, "dashboard").ToString());

        foreach (var type in (string[])["analytics", "profile", "exercises", "plans"])
        {
            Assert.Matches($"""<tr data-cache="{type}"><td>{type}</td><td>[0-9,]+</td><td>[0-9,]+</td><td>[^<]+</td></tr>""", dom);
        }

        Assert.Contains("""<tr data-cache="plans"><td>plans</td><td>1</td><td>1</td><td>50.0%</td></tr>""", dom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Screenshot_IsANonTrivialPng()
    {
        var file = Path.Combine(_state, "dashboard.png");

        await Chromium.ScreenshotAsync(new Uri(_server!.BaseAddress, "dashboard").ToString(), file);

        var bytes = await File.ReadAllBytesAsync(file);
        Assert.True(bytes.Length > 20_000, $"screenshot of {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    private static double Figure(string dom, string name)
    {
        var match = Regex.Match(dom, $"""data-summary="{name}">([0-9,.]+)<""");
        Assert.True(match.Success, $"no summary figure {name}");
        return double.Parse(match.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    private static Task WaitUntilProcessedAsync(ApiServer server) => WaitUntilAsync(
        server,
        snapshot => snapshot.Samples.Count >= 3 && snapshot.Summary.RecomputesProcessed > 0 && snapshot.Samples[^1].WritesQueueDepth + snapshot.Samples[^1].AnalyticsQueueDepth == 0,
        "the burst processed");

    private static async Task WaitUntilAsync(ApiServer server, Func<PipelineSnapshot, bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (condition(server.Sampler.Snapshot()))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"no {what} within 60 s");
    }
}
