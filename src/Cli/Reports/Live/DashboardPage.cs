using System.Text.Json;

namespace GymCoach.Cli.Reports.Live;

/// <summary>The one self-contained HTML page (inline CSS and JS, charts drawn as inline SVG) behind both the live dashboard and the offline report.</summary>
internal static class DashboardPage
{
    private const string Placeholder = "__DASHBOARD_DATA__";
    private static readonly Lazy<string> Template = new(LoadTemplate);

    /// <summary>The live page: it polls <c>/dashboard/data</c> every second.</summary>
    public static string Live() => Template.Value.Replace(Placeholder, "null", StringComparison.Ordinal);

    /// <summary>A report: the snapshot embedded in the page, drawn once, nothing fetched.</summary>
    public static string Report(PipelineSnapshot snapshot) =>
        Template.Value.Replace(Placeholder, Json(snapshot), StringComparison.Ordinal);

    /// <summary>The snapshot as JSON; safe inside a script element (the default encoder escapes &lt;, &gt; and &amp;).</summary>
    public static string Json(PipelineSnapshot snapshot) => JsonSerializer.Serialize(snapshot, LiveJsonContext.Default.PipelineSnapshot);

    private static string LoadTemplate()
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream("GymCoach.Cli.Reports.Live.dashboard.html")
            ?? throw new InvalidOperationException("The dashboard template is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
