using GymCoach.Contracts.Storage;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Metrics;

namespace GymCoach.Workers.Handlers;

/// <summary>The analytics worker: folds each requested user's new workouts into their stored analytics, or rebuilds them when asked.</summary>
/// <remarks>
/// Work per request is independent of the user's history: the request names the workouts that changed, and the stored
/// analytics are exact running totals that those workouts are added to, each exactly once (<see cref="AnalyticsFolder"/>).
/// </remarks>
/// <param name="cache">Kept up to date with the analytics written, for a process that also serves reads from it (<c>gymcoach run</c>); null where nothing reads it, as in the Lambda worker.</param>
public sealed class AnalyticsHandler(IItemStore store, TimeProvider timeProvider, AnalyticsCache? cache = null, MetricsRecorder? metrics = null) : IMessageHandler
{
    /// <summary>How many users of one chunk are brought up to date at once.</summary>
    internal const int UserParallelism = 8;

    internal IItemStore Store => store;

    internal AnalyticsCache? Cache => cache;

    internal MetricsRecorder? Metrics => metrics;

    internal AnalyticsFolder Folder { get; } = new(store, timeProvider);

    public IChunkScope BeginChunk() => new AnalyticsChunkScope(this);
}
