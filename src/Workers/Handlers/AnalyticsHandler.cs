using GymCoach.Contracts.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Metrics;
using Serilog;

namespace GymCoach.Workers.Handlers;

/// <summary>The analytics worker: recomputes each requested user's analytics from the stored workouts and stores the result.</summary>
/// <remarks>
/// Recomputing from the stored workouts (the source of truth) makes every request idempotent. The result's version is
/// the number of workouts it was computed from, and it is written only over a result computed from fewer.
/// </remarks>
public sealed class AnalyticsHandler(IItemStore store, TimeProvider timeProvider, ILogger logger, AnalyticsCache? cache = null, MetricsRecorder? metrics = null) : IMessageHandler
{
    /// <summary>How many users of one chunk are recomputed at once.</summary>
    internal const int UserParallelism = 8;

    internal IItemStore Store => store;

    internal TimeProvider TimeProvider => timeProvider;

    internal ILogger Logger => logger;

    internal AnalyticsCache? Cache => cache;

    internal MetricsRecorder? Metrics => metrics;

    /// <summary>Recomputes in flight, shared by the chunks of this process that may use them.</summary>
    internal SharedComputations<AnalyticsDocument> Computations { get; } = new();

    public IChunkScope BeginChunk() => new AnalyticsChunkScope(this);
}
