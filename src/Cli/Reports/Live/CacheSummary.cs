namespace GymCoach.Cli.Reports.Live;

/// <summary>One cache's lookups over the run so far, for the dashboard's read-cache table.</summary>
internal sealed record CacheSummary
{
    /// <summary><c>analytics</c>, <c>profile</c>, <c>exercises</c> or <c>plans</c>.</summary>
    public required string Type { get; init; }

    public required long Hits { get; init; }

    public required long Misses { get; init; }

    /// <summary>Hits over all lookups, 0 to 1; null without lookups.</summary>
    public double? HitRate { get; init; }
}
