using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Handlers;

/// <summary>The writes worker: stores workouts (immutable, idempotent) and profiles (last write wins), then asks for one analytics recompute per affected user.</summary>
public sealed class WritesHandler(IItemStore store, IMessageQueue analyticsQueue, TimeProvider timeProvider) : IMessageHandler
{
    /// <summary>The CloudEvents <c>source</c> of the recompute requests this worker sends.</summary>
    public const string EventSourceName = "gymcoach/writes-worker";

    internal IItemStore Store => store;

    internal IMessageQueue AnalyticsQueue => analyticsQueue;

    internal TimeProvider TimeProvider => timeProvider;

    public IChunkScope BeginChunk() => new WritesChunkScope(this);
}
