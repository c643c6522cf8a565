using GymCoach.Embedded.Queueing;
using GymCoach.Embedded.Storage;
using GymCoach.Ingest.Api;
using GymCoach.Workers.Caching;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>The same API on Kestrel (127.0.0.1, a free port) over embedded queues and store: what the function's answers are compared with.</summary>
internal sealed class KestrelApi : IAsyncDisposable
{
    private readonly IngestApiHost _host;
    private readonly HttpClient _client;

    private KestrelApi(IngestApiHost host)
    {
        _host = host;
        _client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Configured as the function is by default: the parity keys, any Host.</summary>
    public static async Task<KestrelApi> StartAsync()
    {
        var store = new EmbeddedItemStore();
        var backend = IngestBackend.Direct(
            new EmbeddedQueue(new EmbeddedQueueOptions { Name = "gymcoach-writes" }),
            new EmbeddedQueue(new EmbeddedQueueOptions { Name = "gymcoach-analytics" }),
            store,
            new AnalyticsReader(store, new AnalyticsCache(new CacheOptions())));
        var options = new IngestApiOptions { ApiKeys = ApiKeys.All(), AllowedHosts = ["*"] };
        return new KestrelApi(await IngestApiHost.StartAsync(options, backend, port: 0, configureLogging: null, CancellationToken.None));
    }

    public async Task<HttpAnswer> SendAsync(FunctionUrlEvent request)
    {
        using var message = request.ToHttpRequest();
        using var response = await _client.SendAsync(message);
        return HttpAnswer.FromKestrel(response, await response.Content.ReadAsByteArrayAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }
}
