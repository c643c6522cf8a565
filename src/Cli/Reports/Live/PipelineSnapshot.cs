namespace GymCoach.Cli.Reports.Live;

/// <summary>What <c>GET /dashboard/data</c> answers and a report embeds: the window of samples, oldest first, and a summary.</summary>
internal sealed record PipelineSnapshot
{
    /// <summary>Where the samples come from: the backend's name.</summary>
    public required string Source { get; init; }

    public required double IntervalSeconds { get; init; }

    public required IReadOnlyList<PipelineSample> Samples { get; init; }

    public required PipelineSummary Summary { get; init; }

    /// <summary>A report's own summary table (the demo's), as name and value rows; null on the live dashboard.</summary>
    public IReadOnlyList<SummaryRow>? Table { get; init; }
}
