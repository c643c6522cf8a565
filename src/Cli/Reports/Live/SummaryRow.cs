namespace GymCoach.Cli.Reports.Live;

/// <summary>One row of a report's summary table.</summary>
internal sealed record SummaryRow(string Name, string Value);
