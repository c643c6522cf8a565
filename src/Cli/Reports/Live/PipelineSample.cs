namespace GymCoach.Cli.Reports.Live;

/// <summary>One second of a local run: rates over the second before <see cref="Time"/>, depths and percentiles at it.</summary>
/// <remarks>Latency percentiles are over the run so far (the runners' histograms are cumulative); the rates and the cache hit rate are per interval.</remarks>
internal sealed record PipelineSample
{
    /// <summary>Unix time in milliseconds.</summary>
    public required long Time { get; init; }

    /// <summary>Writes deleted after success, per second (series MessagesSucceeded of the writes worker).</summary>
    public required double WritesPerSecond { get; init; }

    /// <summary>Recomputes deleted after success, per second (series AnalyticsRecomputes).</summary>
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

    public required double EndToEndP50Ms { get; init; }

    public required double EndToEndP95Ms { get; init; }

    public required double EndToEndP99Ms { get; init; }

    /// <summary>Duration of the writes worker's invocations (series InvocationDuration).</summary>
    public required double InvocationP50Ms { get; init; }

    public required double InvocationP95Ms { get; init; }

    public required double InvocationP99Ms { get; init; }

    /// <summary>Share of analytics reads in the interval answered by the cache, 0 to 1; null without reads.</summary>
    public double? CacheHitRate { get; init; }
}
