using GymCoach.Cli.Backends;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Benchmarks.Pipeline;

/// <summary>A backend's queues with its store behind a <see cref="CountingItemStore"/>: what the measured pipeline runs on.</summary>
/// <remarks>Disposing it leaves the inner backend alone; its owner disposes that.</remarks>
internal sealed class CountedBackend(IBackend inner) : IBackend
{
    /// <summary>The backend as it is, for what must not be counted (the check of the result, the DynamoDB store's own statistics).</summary>
    public IBackend Inner => inner;

    public string Name => inner.Name;

    public IMessageQueue WritesQueue => inner.WritesQueue;

    public IMessageQueue WritesDeadLetterQueue => inner.WritesDeadLetterQueue;

    public IMessageQueue AnalyticsQueue => inner.AnalyticsQueue;

    public IMessageQueue AnalyticsDeadLetterQueue => inner.AnalyticsDeadLetterQueue;

    public CountingItemStore Store { get; } = new(inner.Store);

    Contracts.Storage.IItemStore IBackend.Store => Store;


    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
