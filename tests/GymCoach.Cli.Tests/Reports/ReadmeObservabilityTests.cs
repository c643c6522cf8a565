using GymCoach.TestSupport;
using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Tests.Reports;

public sealed class ReadmeObservabilityTests
{
    [Fact]
    public void TheReadmesObservabilitySection_ListsEveryCatalogueMetric()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("## Observability", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no Observability section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];

        Assert.All(MetricCatalogue.All, metric => Assert.Contains($"`{metric.Name}`", section, StringComparison.Ordinal));
    }
}
