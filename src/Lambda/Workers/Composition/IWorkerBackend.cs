using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;

namespace GymCoach.Lambda.Composition;

/// <summary>Where the hosted worker's table and queues live; created once per process and shared by every invocation.</summary>
/// <remarks>Owns its AWS clients (one of each per process); the host disposes it when the runtime loop ends.</remarks>
internal interface IWorkerBackend : IDisposable
{
    IItemStore Store { get; }

    /// <summary>Where the writes worker sends recompute requests; null when the analytics worker is hosted.</summary>
    IMessageQueue? AnalyticsQueue { get; }

    /// <summary>The hosted worker's dead-letter queue, for poison messages.</summary>
    IMessageQueue DeadLetterQueue { get; }
}
