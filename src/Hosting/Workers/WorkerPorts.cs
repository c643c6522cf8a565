using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;

namespace GymCoach.Hosting.Workers;

/// <summary>What a backend gives a worker function: the table, its dead-letter queue and, for the writes worker, the analytics queue.</summary>
/// <remarks>The host owns them (and their clients); the composition only wraps them.</remarks>
public sealed record WorkerPorts
{
    public required IItemStore Store { get; init; }

    /// <summary>The worker's dead-letter queue, for poison messages.</summary>
    public required IMessageQueue DeadLetterQueue { get; init; }

    /// <summary>Where the writes worker sends recompute requests; unused (may be null) for the analytics worker.</summary>
    public IMessageQueue? AnalyticsQueue { get; init; }
}
