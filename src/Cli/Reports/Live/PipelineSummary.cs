namespace GymCoach.Cli.Reports.Live;

/// <summary>The run so far, for the dashboard's summary row and the report's table.</summary>
internal sealed record PipelineSummary
{
    public required double UptimeSeconds { get; init; }

    /// <summary>Series MessagesSucceeded of the writes worker.</summary>
    public required long WritesProcessed { get; init; }

    /// <summary>Series MessagesSucceeded of the analytics worker: recompute requests.</summary>
    public required long RecomputesProcessed { get; init; }

    /// <summary>Series MessagesFailed of both workers: messages reported for retry, or whose whole invocation failed.</summary>
    public required long Failed { get; init; }

    /// <summary>Series MessagesRetried of both workers: messages delivered again.</summary>
    public required long Retried { get; init; }

    public required long DeadLetters { get; init; }

    /// <summary>Writes processed per second of uptime.</summary>
    public required double AverageThroughput { get; init; }

    /// <summary>The highest writes-per-second of any sample in the window.</summary>
    public required double PeakThroughput { get; init; }

    /// <summary>Series QueueLag of the writes worker, over the run.</summary>
    public required double QueueLagP50Ms { get; init; }

    public required double QueueLagP95Ms { get; init; }

    public required double QueueLagP99Ms { get; init; }

    public required double InvocationP99Ms { get; init; }

    /// <summary>Hits over all analytics reads so far, 0 to 1; null without reads.</summary>
    public double? CacheHitRate { get; init; }

    /// <summary>Every in-process cache's hits and misses so far, by cache type: analytics, then the API's read caches.</summary>
    public IReadOnlyList<CacheSummary> Caches { get; init; } = [];
}
