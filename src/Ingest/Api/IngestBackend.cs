using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Ingest.Api.Sending;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Publishing;
using GymCoach.Workers.Metrics;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Ingest.Api;

/// <summary>What the API talks to: where it publishes writes and recompute requests, and where it reads analytics.</summary>
/// <param name="Writes">Publishes workouts and profile updates to the writes queue.</param>
/// <param name="Analytics">Publishes recompute requests to the analytics queue.</param>
/// <param name="WritesQueue">The writes queue itself, probed by <c>GET /ready</c>.</param>
/// <param name="Store">The table: idempotency records, and probed by <c>GET /ready</c>.</param>
/// <param name="AnalyticsReader">Cache-first reads of precomputed analytics.</param>
public sealed record IngestBackend(
    IEventPublisher Writes,
    IEventPublisher Analytics,
    IMessageQueue WritesQueue,
    IItemStore Store,
    AnalyticsReader AnalyticsReader)
{
    /// <summary>Where the API records <c>ApiRequests</c> and <c>ApiLatency</c>, and the read caches' <c>CacheHits</c> and <c>CacheMisses</c>; null records nothing.</summary>
    public MetricsRecorder? Metrics { get; init; }

    /// <summary>The profile, exercise library and plan caches; null gives the API its own over <see cref="Store"/> with default <see cref="CacheOptions"/>.</summary>
    /// <remarks>Pass one to look at its hit and miss counts from outside (the local dashboard, tests).</remarks>
    public ReadCaches? ReadCaches { get; init; }

    /// <summary>Publishes through the auto-batching publishers, which the caller owns and disposes (flushing them) after the API stops.</summary>
    public static IngestBackend Batched(SqsBatchPublisher writes, SqsBatchPublisher analytics, IItemStore store, AnalyticsReader analyticsReader) =>
        new(new BatchingPublisher(writes), new BatchingPublisher(analytics), writes.Queue, store, analyticsReader);

    /// <summary>Publishes through <see cref="QueuePublisher"/> straight to the two queues.</summary>
    public static IngestBackend Direct(IMessageQueue writesQueue, IMessageQueue analyticsQueue, IItemStore store, AnalyticsReader analyticsReader) =>
        new(new QueuePublisher(writesQueue), new QueuePublisher(analyticsQueue), writesQueue, store, analyticsReader);
}
