using GymCoach.Contracts.Queueing;

namespace GymCoach.Cli.Reports;

/// <summary>The pipeline's four queues on one backend.</summary>
internal sealed record QueueSet(string Backend, IMessageQueue Writes, IMessageQueue WritesDeadLetters, IMessageQueue Analytics, IMessageQueue AnalyticsDeadLetters)
    : IAsyncDisposable
{
    public const string WritesName = "writes";
    public const string AnalyticsName = "analytics";

    /// <summary>What holds the queues open (the embedded backend: its state database and writer lock); null for remote queues.</summary>
    public IAsyncDisposable? Owner { get; init; }

    /// <summary>The SQS client the queues were opened with, when this set owns it; null otherwise.</summary>
    public IDisposable? Client { get; init; }

    /// <summary>The embedded backend's state folder; null for remote queues.</summary>
    public string? StateDirectory { get; init; }

    public ValueTask DisposeAsync()
    {
        Client?.Dispose();
        return Owner?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>(name, source queue, dead-letter queue) of the queues <paramref name="which"/> selects: <c>writes</c>, <c>analytics</c> or <c>all</c>.</summary>
    public IReadOnlyList<(string Name, IMessageQueue Source, IMessageQueue DeadLetters)> Select(string which)
    {
        var all = new List<(string, IMessageQueue, IMessageQueue)>
        {
            (WritesName, Writes, WritesDeadLetters),
            (AnalyticsName, Analytics, AnalyticsDeadLetters),
        };
        return which == "all" ? all : [.. all.Where(q => q.Item1 == which)];
    }
}
