using System.Net.Http.Headers;
using System.Text;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Queueing;
using GymCoach.Embedded.Storage;
using GymCoach.Ingest.Api;
using GymCoach.Ingest.Api.Sending;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.ReadSide;
using Microsoft.AspNetCore.Routing;

namespace GymCoach.Ingest.Tests.Support;

/// <summary>The API on real Kestrel at a free loopback port, over embedded queues and store that the test can look into.</summary>
internal sealed class TestApi : IAsyncDisposable
{
    private readonly IngestApiHost _host;
    private readonly List<HttpClient> _clients = [];

    private TestApi(IngestApiHost host, EmbeddedQueue writes, EmbeddedQueue analytics, IItemStore store, AnalyticsCache cache, ReadCaches readCaches)
    {
        ReadCaches = readCaches;
        _host = host;
        WritesQueue = writes;
        AnalyticsQueue = analytics;
        Store = store;
        Cache = cache;
    }

    public EmbeddedQueue WritesQueue { get; }

    public EmbeddedQueue AnalyticsQueue { get; }

    public IItemStore Store { get; }

    public AnalyticsCache Cache { get; }

    /// <summary>The profile, exercise library and plan caches the API serves from.</summary>
    public ReadCaches ReadCaches { get; }

    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Starts an API; <paramref name="configure"/> changes its options, <paramref name="store"/> and <paramref name="writesPublisher"/> replace the real ones.</summary>
    public static async Task<TestApi> StartAsync(
        Action<IngestApiOptions>? configure = null,
        IItemStore? store = null,
        Func<EmbeddedQueue, IEventPublisher>? writesPublisher = null,
        Action<IEndpointRouteBuilder>? mapEndpoints = null,
        MetricsRecorder? metrics = null)
    {
        var writes = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "test-writes" });
        var analytics = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "test-analytics" });
        store ??= new EmbeddedItemStore();
        var cache = new AnalyticsCache(new CacheOptions());
        var readCaches = new ReadCaches(store, new CacheOptions());
        var options = new IngestApiOptions { ApiKeys = Keys.All() };
        configure?.Invoke(options);
        var backend = new IngestBackend(
            writesPublisher?.Invoke(writes) ?? new QueuePublisher(writes),
            new QueuePublisher(analytics),
            writes,
            store,
            new AnalyticsReader(store, cache))
        {
            Metrics = metrics,
            ReadCaches = readCaches,
        };
        var host = await IngestApiHost.StartAsync(options, backend, port: 0, configureLogging: null, mapEndpoints, CancellationToken.None);
        return new TestApi(host, writes, analytics, store, cache, readCaches);
    }

    /// <summary>A client sending <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient Client(string? apiKey = Keys.Writer)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        _clients.Add(client);
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static HttpRequestMessage Post(string path, string json, string? idempotencyKey = null, string? correlationId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (correlationId is not null)
        {
            request.Headers.Add("X-Correlation-Id", correlationId);
        }

        return request;
    }

    /// <summary>Every message in the queue now, received (and left to its visibility timeout).</summary>
    public static async Task<List<SqsMessage>> ReceiveAllAsync(EmbeddedQueue queue)
    {
        var messages = new List<SqsMessage>();
        while (true)
        {
            var batch = await queue.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None);
            if (batch.Count == 0)
            {
                return messages;
            }

            messages.AddRange(batch);
        }
    }

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _host.DisposeAsync();
    }
}
