using GymCoach.TestSupport;
using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Tests.Reports;

public sealed class ObservabilityDocsTests
{
    [Fact]
    public void TheMetricsSectionOfTheObservabilityPage_ListsEveryCatalogueMetric()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "observability.md"));
        var start = page.IndexOf("## Metrics", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/observability.md has no Metrics section");
        var end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? page[start..] : page[start..end];

        Assert.All(MetricCatalogue.All, metric => Assert.Contains($"`{metric.Name}`", section, StringComparison.Ordinal));
    }
}
