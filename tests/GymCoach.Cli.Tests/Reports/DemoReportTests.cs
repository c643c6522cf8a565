using System.Text.RegularExpressions;
using GymCoach.Cli.Tests.Support;

namespace GymCoach.Cli.Tests.Reports;

/// <summary><c>gymcoach demo --report</c>: a self-contained HTML report that opens offline.</summary>
[Trait("Category", "Slow")]
public sealed class DemoReportTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-report-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task DemoReport_EmbedsTheSeries_AndReferencesNothingOutside()
    {
        var report = Path.Combine(_state, "run.html");

        var result = await CliProcess.RunAsync(null, "demo", "--users", "5", "--workouts", "200", "--report", report, "--state", _state);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("Report (self-contained, opens offline):", result.StandardOutput);
        var html = await File.ReadAllTextAsync(report);
        Assert.Matches("""<script id="dashboard-data" type="application/json">\{"source":"embedded","intervalSeconds":1,"samples":\[\{"time":[0-9]+""", html);
        Assert.Matches("\"summary\":\\{\"uptimeSeconds\":[0-9.]+,\"writesProcessed\":[1-9]", html);
        Assert.DoesNotMatch("""(src|href)\s*=\s*["']?\s*(https?:)?//""", html);
        Assert.DoesNotContain("__DASHBOARD_DATA__", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoReport_OpensInABrowserWithTheChartsDrawn()
    {
        var report = Path.Combine(_state, "run.html");
        var result = await CliProcess.RunAsync(null, "demo", "--users", "5", "--workouts", "200", "--report", report, "--state", _state);
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);

        var dom = await Chromium.DumpDomAsync(new Uri(report).AbsoluteUri);

        Assert.Equal(6, Regex.Count(dom, """<svg[^>]*data-chart="""));
        Assert.Contains("""<path class="series" data-series="writesPerSecond" """, dom, StringComparison.Ordinal);
        Assert.Matches("""data-summary="writesProcessed">[1-9]""", dom);
        Assert.Matches("""<table id="report-table">.*<th>check</th><td>PASSED: analytics of all""", dom);
    }
}
