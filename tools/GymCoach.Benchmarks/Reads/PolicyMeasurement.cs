using System.Diagnostics;
using System.Globalization;
using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Queueing;
using GymCoach.Ingest.Api;
using GymCoach.Workers.Caching;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Benchmarks.Reads;

/// <summary>One cache policy under the open-loop load: its own API host and cache over the shared prefilled store.</summary>
internal sealed class PolicyMeasurement(IItemStore store, string[] userIds, ReadLatencyOptions options, GcPauseListener gcPauses)
{
    private const string ApiKey = "gck_benchmark_read_latency";
    private const int MaxConnections = 64;

    public async Task<PolicyFigures> MeasureAsync(CachePolicy policy, int[] warmup, int[] measured, CancellationToken cancellationToken)
    {
        var cache = new AnalyticsCache(new CacheOptions { Capacity = options.CacheCapacity, Policy = policy });
        await using var api = await StartApiAsync(cache, cancellationToken);
        using var client = CreateClient(api.BaseAddress);
        var load = new OpenLoopLoad(client, Targets(api));

        if (warmup.Length > 0)
        {
            await Console.Error.WriteLineAsync(Text($"read-latency: {policy}: warming up ({warmup.Length:N0} requests, unmeasured)"));
            await load.RunAsync(warmup, options.Rate, cancellationToken);
        }

        // Settle what the warm-up left, so the measured phase starts from the same heap state for every policy.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await Console.Error.WriteLineAsync(Text($"read-latency: {policy}: measuring {measured.Length:N0} requests at {options.Rate:N0}/s"));
        var (hits, misses) = (cache.Hits, cache.Misses);
        var gcBefore = GcWindow.Now();
        var result = await load.RunAsync(measured, options.Rate, cancellationToken);
        var gc = GcWindow.Now().Since(gcBefore);
        var lookups = cache.Hits - hits + (cache.Misses - misses);

        var latency = result.Latency();
        var pauses = gcPauses.PausesBetween(result.Started, result.Finished);
        var slowThreshold = latency.P99;
        var slow = result.SlowerThan(slowThreshold).ToArray();
        var slowDuringGc = slow.Count(r => pauses.Any(p => p.End > r.Scheduled && p.Start < r.Ended));
        return new PolicyFigures(
            policy,
            result.Count,
            result.Failures,
            result.Count / Stopwatch.GetElapsedTime(result.Started, result.Finished).TotalSeconds,
            latency,
            result.SendLag(),
            lookups == 0 ? 0 : (double)(cache.Hits - hits) / lookups,
            gc,
            pauses.Count == 0 ? TimeSpan.Zero : pauses.Max(p => p.Duration),
            slow.Length,
            slowDuringGc,
            slowThreshold);
    }

    /// <summary>Runs <paramref name="sequence"/> unmeasured on a throwaway API and cache of the default policy.</summary>
    /// <remarks>
    /// A process's first phase pays for the JIT and for the heap growing after the prefill (gen2 collections, seconds of
    /// pause on a loaded machine): done here, none of it is charged to the first policy measured.
    /// </remarks>
    public async Task SettleProcessAsync(int[] sequence, CancellationToken cancellationToken)
    {
        await using var api = await StartApiAsync(new AnalyticsCache(new CacheOptions { Capacity = options.CacheCapacity }), cancellationToken);
        using var client = CreateClient(api.BaseAddress);
        await new OpenLoopLoad(client, Targets(api)).RunAsync(sequence, options.Rate, cancellationToken);
    }

    private Task<IngestApiHost> StartApiAsync(AnalyticsCache cache, CancellationToken cancellationToken)
    {
        var writes = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "read-latency-writes" });
        var analytics = new EmbeddedQueue(new EmbeddedQueueOptions { Name = "read-latency-analytics" });
        var backend = IngestBackend.Direct(writes, analytics, store, new AnalyticsReader(store, cache));
        return IngestApiHost.StartAsync(ApiOptions(), backend, port: 0, configureLogging: null, cancellationToken);
    }

    private Uri[] Targets(IngestApiHost api) => [.. userIds.Select(id => new Uri(api.BaseAddress, $"v1/users/{id}/analytics"))];

    private static IngestApiOptions ApiOptions() => new()
    {
        ApiKeys =
        [
            new ApiKeyOptions
            {
                Name = "benchmark",
                Sha256 = ApiKeyHash.Compute(ApiKey),
                Operations = [ApiOperations.AnalyticsRead],
                RequestsPerSecond = 1_000_000,
                Burst = 1_000_000,
            },
        ],
    };

    private static HttpClient CreateClient(Uri baseAddress)
    {
        // At 2,000 requests/s and about a millisecond each, a handful of requests are in flight; 64 connections leave
        // room for bursts. More would not measure the API better: during a stall, every extra connection the client
        // opens costs handshakes and buffers on the same two cores. A request that waits for a connection is still
        // timed from its scheduled start.
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = MaxConnections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
