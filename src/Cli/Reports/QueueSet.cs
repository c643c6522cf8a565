using GymCoach.Contracts.Queueing;

namespace GymCoach.Cli.Reports;

/// <summary>The pipeline's four queues on one backend.</summary>
internal sealed record QueueSet(string Backend, IMessageQueue Writes, IMessageQueue WritesDeadLetters, IMessageQueue Analytics, IMessageQueue AnalyticsDeadLetters)
{
    public const string WritesName = "writes";
    public const string AnalyticsName = "analytics";

    /// <summary>Keeps what a command changed (the embedded backend's saved state); null where the queues keep themselves.</summary>
    public Func<CancellationToken, Task>? Save { get; init; }

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
