using GymCoach.Aws.DynamoDb;
using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Storage;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.ReadSide;
using GymCoach.Workers.Tests.Batching.Fakes;
using GymCoach.Workers.Tests.Queueing.Fakes;
using GymCoach.Workers.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GymCoach.Workers.Tests.Metrics;

/// <summary>The recording hooks for the store, the publisher's queue, the cache, the DynamoDB counters, the API and long-running hosts.</summary>
public sealed class MetricHookTests
{
    private const string Function = "gymcoach-api-dev";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly MetricsRecorder _recorder;

    public MetricHookTests()
    {
        _recorder = new MetricsRecorder(Function, _time);
    }

    [Fact]
    public async Task TheMeteredStore_RecordsOneLatencyPerCall_AndReturnsTheInnerResults()
    {
        var inner = new EmbeddedItemStore(_time);
        var store = new MeteredItemStore(inner, _recorder, _time);
        var item = ItemSamples.Item("user#1", "profile");

        await store.WriteAsync([new ItemWrite(item)], CancellationToken.None);
        var read = await store.GetAsync("user#1", "profile", CancellationToken.None);
        var page = await store.QueryAsync("user#1", "pro", 10, null, CancellationToken.None);

        Assert.Equal(item.SortKey, read!.SortKey);
        Assert.Single(page.Items);
        Assert.Equal(3, EmfDocuments.Flush(_recorder).Values("StoreLatency", Function).Count);
    }

    [Fact]
    public async Task ThePublisherQueue_RecordsBatchFill_AndEveryEntryItDidNotAccept()
    {
        var inner = new RecordingQueue("gymcoach-writes-dev") { FailEntry = m => m.Body == "bad" ? "InternalError" : null };
        var queue = new MeteredMessageQueue(inner, _recorder);
        OutgoingMessage[] batch = [new() { Body = "a" }, new() { Body = "bad" }, new() { Body = "c" }];

        var outcomes = await queue.SendBatchAsync(batch, CancellationToken.None);
        await queue.SendBatchAsync([new() { Body = "d" }], CancellationToken.None);
        inner.ThrowOnSend = new InvalidOperationException("unreachable");
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.SendBatchAsync(batch, CancellationToken.None));
        var documents = EmfDocuments.Flush(_recorder);

        Assert.Equal(1, outcomes.Count(o => !o.Succeeded));
        Assert.Equal([3, 1, 3], documents.Values("PublisherBatchFill", Function));
        Assert.Equal(4, documents.Sum("PublisherFailures", Function));
        Assert.Equal("gymcoach-writes-dev", queue.Name);
    }

    [Fact]
    public async Task TheCacheSource_RecordsHitsAndMissesSinceTheLastFlush()
    {
        var cache = new AnalyticsCache(new CacheOptions());
        _recorder.AddSource(new CacheMetricsSource(cache));
        cache.Set(AnalyticsDocuments.For("u1"));

        Assert.True(cache.TryGet("u1", out _));
        Assert.False(cache.TryGet("u2", out _));
        var first = EmfDocuments.Flush(_recorder);
        await cache.GetOrAddAsync("u1", _ => Task.FromResult<GymCoach.Workers.Analytics.AnalyticsDocument?>(null), CancellationToken.None);
        var second = EmfDocuments.Flush(_recorder);

        Assert.Equal(1, first.Sum("CacheHits", Function, "analytics"));
        Assert.Equal(1, first.Sum("CacheMisses", Function, "analytics"));
        Assert.Equal(1, second.Sum("CacheHits", Function, "analytics"));
        Assert.Equal(0, second.Sum("CacheMisses", Function, "analytics"));
    }

    [Fact]
    public void EachCacheSource_ReportsUnderItsOwnCacheType()
    {
        var caches = new ReadCaches(new EmbeddedItemStore(), new CacheOptions());
        _recorder.AddSource(new CacheMetricsSource(() => caches.Plans.Statistics));
        _recorder.AddSource(new CacheMetricsSource(() => caches.Exercises.Statistics));
        caches.Plans.Get();
        caches.Plans.Get();
        caches.Plans.Get();

        var documents = EmfDocuments.Flush(_recorder);

        Assert.Equal(2, documents.Sum("CacheHits", Function, "plans"));
        Assert.Equal(1, documents.Sum("CacheMisses", Function, "plans"));
        Assert.Equal(0, documents.Sum("CacheHits", Function, "exercises"));
        Assert.Equal(0, documents.Sum("CacheMisses", Function, "exercises"));
        Assert.All(documents.Roots, root => Assert.Equal(["FunctionName", "CacheType"], EmfDocuments.DimensionNames(root)));
    }

    [Fact]
    public void TheStoreStatisticsSource_RecordsThrottlesAndRetriesSinceTheLastFlush()
    {
        var statistics = new DynamoDbStoreStatistics(Requests: 10, Retries: 4, Throttles: 3, UnprocessedItems: 0, TransactionConflicts: 0);
        _recorder.AddSource(new StoreStatisticsSource(() => statistics));

        var first = EmfDocuments.Flush(_recorder);
        statistics = statistics with { Retries = 6, Throttles = 3 };
        var second = EmfDocuments.Flush(_recorder);

        Assert.Equal(3, first.Sum("StoreThrottles", Function));
        Assert.Equal(4, first.Sum("StoreRetries", Function));
        Assert.Equal(0, second.Sum("StoreThrottles", Function));
        Assert.Equal(2, second.Sum("StoreRetries", Function));
    }

    [Fact]
    public void TheChunkConcurrencySource_RecordsTheLimitAtEveryFlush_AndTheDecreasesSinceTheLast()
    {
        long throttles = 0;
        var limiter = new ChunkConcurrencyLimiter(5, () => throttles);
        _recorder.AddSource(new ChunkConcurrencySource(limiter, "gymcoach-writes-dev"));
        var sample = limiter.Begin();
        throttles++;
        limiter.End(sample, succeeded: true);

        var first = EmfDocuments.Flush(_recorder);
        var second = EmfDocuments.Flush(_recorder);

        Assert.Equal([2.0], first.Values("ChunkConcurrencyLimit", Function, "gymcoach-writes-dev"));
        Assert.Equal(1, first.Sum("ChunkConcurrencyDecreases", Function, "gymcoach-writes-dev"));
        Assert.Equal([2.0], second.Values("ChunkConcurrencyLimit", Function, "gymcoach-writes-dev"));
        Assert.Equal(0, second.Sum("ChunkConcurrencyDecreases", Function, "gymcoach-writes-dev"));
    }

    [Fact]
    public async Task TheQueueThrottlesSource_RecordsTheThrottlesOfEveryQueueSinceTheLastFlush()
    {
        var analytics = new ThrottleBackoffQueue(new ThrottlingQueue { CallsToRefuse = 2 }, timeProvider: new RecordingDelays());
        var deadLetters = new ThrottleBackoffQueue(new ThrottlingQueue { CallsToRefuse = 1 }, timeProvider: new RecordingDelays());
        _recorder.AddSource(new QueueThrottlesSource(analytics, deadLetters));
        await analytics.SendBatchAsync([new() { Body = "a" }], CancellationToken.None);
        await deadLetters.DeleteBatchAsync(["h"], CancellationToken.None);

        var first = EmfDocuments.Flush(_recorder);
        var second = EmfDocuments.Flush(_recorder);

        Assert.Equal(3, first.Sum("QueueThrottles", Function));
        Assert.Equal(0, second.Sum("QueueThrottles", Function));
    }

    [Theory]
    [InlineData(100, "1xx")]
    [InlineData(204, "2xx")]
    [InlineData(304, "3xx")]
    [InlineData(429, "4xx")]
    [InlineData(503, "5xx")]
    [InlineData(0, "5xx")]
    public void StatusCodes_FallIntoTheirClass(int status, string expected) =>
        Assert.Equal(expected, MetricsRecorderExtensions.StatusClassOf(status));

    [Fact]
    public void Recomputes_AreCounted()
    {
        _recorder.RecordRecomputes();
        _recorder.RecordRecomputes(4);

        Assert.Equal(5, EmfDocuments.Flush(_recorder).Sum("AnalyticsRecomputes", Function));
    }

    [Fact]
    public async Task TheFlushLoop_FlushesEveryInterval_AndOnceMoreWhenStopped()
    {
        var output = new StringWriter();
        using var stopping = new CancellationTokenSource();
        var synchronized = TextWriter.Synchronized(output);
        var loop = MetricsFlushLoop.RunAsync(_recorder, synchronized, TimeSpan.FromSeconds(60), stopping.Token, _time);

        _recorder.RecordApiRequest(200, TimeSpan.FromMilliseconds(4));
        _time.Advance(TimeSpan.FromSeconds(60));
        await Poll.UntilAsync(
            () =>
            {
                // The synchronized writer locks on itself, so this read cannot overlap a flush.
                lock (synchronized)
                {
                    return output.ToString().Contains("ApiRequests", StringComparison.Ordinal);
                }
            },
            TimeSpan.FromSeconds(10));
        _recorder.RecordApiRequest(500, TimeSpan.FromMilliseconds(8));
        await stopping.CancelAsync();
        await loop;
        var documents = EmfDocuments.Parse(output.ToString());

        // Two flushes, each with a document for the status class and one for the latency.
        Assert.Equal(4, documents.Lines.Count);
        Assert.Equal(1, documents.Sum("ApiRequests", Function, "2xx"));
        Assert.Equal(1, documents.Sum("ApiRequests", Function, "5xx"));
        Assert.Equal([4, 8], documents.Values("ApiLatency", Function));
    }
}
