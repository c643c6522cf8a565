using System.Net;
using System.Text;
using System.Text.Json;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Demo;
using GymCoach.Cli.Hosting;
using GymCoach.Cli.Reports.Live;

namespace GymCoach.Cli.Tests.Hosting;

/// <summary>The reads of <c>gymcoach run</c> on the embedded backend: a profile posted to the API, processed by the workers, then read back cache-first.</summary>
public sealed class ApiServerReadsTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-reads-").FullName;
    private EmbeddedBackend? _backend;
    private ApiServer? _server;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        _backend = await EmbeddedBackend.OpenAsync(_state, StateAccess.Write, "test", CancellationToken.None);
        _server = await ApiServer.StartAsync(_backend, new ApiServerSettings { Port = 0, Pipeline = DemoRunner.Settings(null) }, Serilog.Core.Logger.None, verbose: false, CancellationToken.None);
        _http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", _server.ApiKey);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
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
    public async Task APostedProfile_IsReadBackOnceTheWorkersStoredIt_ThenFromTheCache()
    {
        using var body = new StringContent(
            """{"userId":"lifter-1","displayName":"Lifter One","bodyweight":82.5,"unit":"kg","goals":["strength"]}""", Encoding.UTF8, "application/json");
        using var accepted = await _http!.PostAsync(new Uri("v1/profiles", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        // Not found until the writes worker has stored it; a 404 is not cached, so each poll looks in the store again.
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        HttpResponseMessage read;
        while (true)
        {
            read = await _http.GetAsync(new Uri("v1/users/lifter-1/profile", UriKind.Relative));
            if (read.StatusCode != HttpStatusCode.NotFound || DateTimeOffset.UtcNow > deadline)
            {
                break;
            }

            read.Dispose();
            await Task.Delay(100);
        }

        using (read)
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            using var document = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
            Assert.Equal("Lifter One", document.RootElement.GetProperty("displayName").GetString());
            Assert.Equal(82.5m, document.RootElement.GetProperty("bodyweight").GetDecimal());
            Assert.Equal("kg", document.RootElement.GetProperty("unit").GetString());

            using var revalidate = new HttpRequestMessage(HttpMethod.Get, "v1/users/lifter-1/profile");
            revalidate.Headers.IfNoneMatch.Add(read.Headers.ETag!);
            using var notModified = await _http.SendAsync(revalidate);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        var profile = Cache(_server!.Sampler.Snapshot(), "profile");
        Assert.Equal(1, profile.Hits);
        Assert.True(profile.Misses >= 1);
    }

    [Fact]
    public async Task TheDashboardData_ReportsEveryCacheType_WithItsHitsAndMisses()
    {
        foreach (var path in (string[])["v1/exercises", "v1/exercises", "v1/plans", "v1/users/user-1/analytics"])
        {
            using var response = await _http!.GetAsync(new Uri(path, UriKind.Relative));
        }

        var snapshot = _server!.Sampler.Snapshot();

        Assert.Equal(["analytics", "profile", "exercises", "plans"], snapshot.Summary.Caches.Select(c => c.Type));
        Assert.Equal((1L, 1L, 0.5), (Cache(snapshot, "exercises").Hits, Cache(snapshot, "exercises").Misses, Cache(snapshot, "exercises").HitRate!.Value));
        Assert.Equal((0L, 1L), (Cache(snapshot, "plans").Hits, Cache(snapshot, "plans").Misses));
        Assert.Equal(1L, Cache(snapshot, "analytics").Misses);
        Assert.Null(Cache(snapshot, "profile").HitRate);
    }

    private static CacheSummary Cache(PipelineSnapshot snapshot, string type) => snapshot.Summary.Caches.Single(c => c.Type == type);
}
