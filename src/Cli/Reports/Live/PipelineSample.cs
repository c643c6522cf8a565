namespace GymCoach.Cli.Reports.Live;

/// <summary>One second of a local run: rates over the second before <see cref="Time"/>, depths and percentiles at it.</summary>
/// <remarks>
/// The figures are the workers' metric series (<c>MetricCatalogue</c>); latency percentiles are over the run so far,
/// the rates and the cache hit rate per interval. Depths and the oldest message are read from the queues.
/// </remarks>
internal sealed record PipelineSample
{
    /// <summary>Unix time in milliseconds.</summary>
    public required long Time { get; init; }

    /// <summary>Writes handled and completed, per second (series MessagesSucceeded of the writes worker).</summary>
    public required double WritesPerSecond { get; init; }

    /// <summary>Recompute requests handled and completed, per second (series MessagesSucceeded of the analytics worker).</summary>
    public required double RecomputesPerSecond { get; init; }

    /// <summary>Messages both workers reported failed, per second (series MessagesFailed).</summary>
    public required double FailuresPerSecond { get; init; }

    /// <summary>Messages in both dead-letter queues.</summary>
    public required long DeadLetters { get; init; }

    /// <summary>Visible and in-flight messages of the writes queue.</summary>
    public required long WritesQueueDepth { get; init; }

    /// <summary>Visible and in-flight messages of the analytics queue.</summary>
    public required long AnalyticsQueueDepth { get; init; }

    /// <summary>Age of the oldest message in either work queue, in milliseconds (series QueueLag).</summary>
    public required double OldestMessageMs { get; init; }

    /// <summary>Time from a write's SentTimestamp to the invocation that received it (series QueueLag of the writes worker).</summary>
    public required double QueueLagP50Ms { get; init; }

    public required double QueueLagP95Ms { get; init; }

    public required double QueueLagP99Ms { get; init; }

    /// <summary>Duration of the writes worker's invocations (series InvocationDuration).</summary>
    public required double InvocationP50Ms { get; init; }

    public required double InvocationP95Ms { get; init; }

    public required double InvocationP99Ms { get; init; }

    /// <summary>Share of analytics reads in the interval answered by the cache, 0 to 1; null without reads.</summary>
    public double? CacheHitRate { get; init; }
}
