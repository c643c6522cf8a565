namespace GymCoach.Cli.Reports.Live;

/// <summary>The run so far, for the dashboard's summary row and the report's table.</summary>
internal sealed record PipelineSummary
{
    public required double UptimeSeconds { get; init; }

    public required long WritesProcessed { get; init; }

    public required long RecomputesProcessed { get; init; }

    public required long Failed { get; init; }

    public required long Retried { get; init; }

    public required long DeadLetters { get; init; }

    /// <summary>Writes processed per second of uptime.</summary>
    public required double AverageThroughput { get; init; }

    /// <summary>The highest writes-per-second of any sample in the window.</summary>
    public required double PeakThroughput { get; init; }

    public required double EndToEndP50Ms { get; init; }

    public required double EndToEndP95Ms { get; init; }

    public required double EndToEndP99Ms { get; init; }

    public required double InvocationP99Ms { get; init; }

    /// <summary>Hits over all analytics reads so far, 0 to 1; null without reads.</summary>
    public double? CacheHitRate { get; init; }

    /// <summary>Every in-process cache's hits and misses so far, by cache type: analytics, then the API's read caches.</summary>
    public IReadOnlyList<CacheSummary> Caches { get; init; } = [];
}
