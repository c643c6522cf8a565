namespace GymCoach.Cli.Reports.Dashboards;

/// <summary>One metric widget: a time series graph at a grid position (24 columns wide).</summary>
internal sealed record DashboardWidget(string Title, int X, int Y, int Width, int Height, string Stat, IReadOnlyList<DashboardMetric> Metrics)
{
    public string? YLabel { get; init; }
}
