using GymCoach.Contracts.Lambda;
using GymCoach.Embedded.Queueing;
using GymCoach.Embedded.Storage;
using GymCoach.Ingest.Api;
using GymCoach.Ingest.Api.Sending;
using GymCoach.Workers.Caching;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Producer.Tests.Support;

/// <summary>The real ingest API on Kestrel at a free loopback port, over embedded queues the test reads back.</summary>
internal sealed class ProducerApi : IAsyncDisposable
{
    public const string WriterKey = "gck_producer_test_writer";
    public const string ReaderKey = "gck_producer_test_reader";
    public const string LimitedKey = "gck_producer_test_limited";

    private readonly IngestApiHost _host;

    private ProducerApi(IngestApiHost host, EmbeddedQueue writes, EmbeddedQueue analytics)
    {
        _host = host;
        WritesQueue = writes;
        AnalyticsQueue = analytics;
    }

    public EmbeddedQueue WritesQueue { get; }

    public EmbeddedQueue AnalyticsQueue { get; }

    public Uri BaseAddress => _host.BaseAddress;

    /// <param name="writesPublisher">Replaces the publisher of the writes queue, for example to fail some publishes.</param>
    public static async Task<ProducerApi> StartAsync(Func<EmbeddedQueue, IEventPublisher>? writesPublisher = null)
    {
        var writes = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "producer-writes" });
        var analytics = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "producer-analytics" });
        var store = new EmbeddedItemStore();
        var options = new IngestApiOptions
        {
            ApiKeys =
            [
                Key("writer", WriterKey, 10_000, ApiOperations.WorkoutsWrite, ApiOperations.ProfilesWrite, ApiOperations.AnalyticsRecompute),
                Key("reader", ReaderKey, 10_000, ApiOperations.AnalyticsRead),
                Key("limited", LimitedKey, 1, ApiOperations.WorkoutsWrite),
            ],
        };
        var backend = new IngestBackend(
            writesPublisher?.Invoke(writes) ?? new QueuePublisher(writes),
            new QueuePublisher(analytics),
            writes,
            store,
            new AnalyticsReader(store, new AnalyticsCache(new CacheOptions())));
        var host = await IngestApiHost.StartAsync(options, backend, port: 0, configureLogging: null, CancellationToken.None);
        return new ProducerApi(host, writes, analytics);
    }

    /// <summary>A producer posting to this API with <paramref name="apiKey"/>, through <paramref name="handler"/> when given.</summary>
    public IGymCoachProducer Producer(
        string apiKey = WriterKey, HttpMessageHandler? handler = null, TimeProvider? clock = null, Action<HttpProducerOptions>? configure = null)
    {
        var options = new HttpProducerOptions { BaseAddress = BaseAddress, ApiKey = apiKey, InitialRetryDelay = TimeSpan.FromMilliseconds(50) };
        configure?.Invoke(options);
        return handler is null
            ? GymCoachProducer.CreateHttp(options, timeProvider: clock)
            : GymCoachProducer.CreateHttp(options, new HttpClient(handler), clock);
    }

    /// <summary>Every message in the queue now, received (and left to its visibility timeout).</summary>
    public static async Task<List<SqsMessage>> ReceiveAllAsync(EmbeddedQueue queue)
    {
        var messages = new List<SqsMessage>();
        while (await queue.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None) is { Count: > 0 } batch)
        {
            messages.AddRange(batch);
        }

        return messages;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static ApiKeyOptions Key(string name, string key, int perSecond, params string[] operations) => new()
    {
        Name = name,
        Sha256 = ApiKeyHash.Compute(key),
        Operations = operations,
        RequestsPerSecond = perSecond,
        Burst = perSecond == 1 ? 1 : perSecond,
    };
}
