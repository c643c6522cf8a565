using System.Text.RegularExpressions;
using GymCoach.Workers.Metrics;

namespace GymCoach.Workers.Tests.Metrics;

public sealed class MetricCatalogueTests
{
    [Fact]
    public void EveryMetric_IsAtTheIndexItCarries_AndFindableByName()
    {
        for (var i = 0; i < MetricCatalogue.All.Count; i++)
        {
            var metric = MetricCatalogue.All[i];
            Assert.Equal(i, metric.Index);
            Assert.True(MetricCatalogue.Contains(metric));
            Assert.Same(metric, MetricCatalogue.Find(metric.Name));
        }

        Assert.Null(MetricCatalogue.Find("NoSuchMetric"));
    }

    [Fact]
    public void Names_AreUniqueAsciiIdentifiers_AndNeverADimensionName()
    {
        var names = MetricCatalogue.All.Select(m => m.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches(new Regex("^[A-Z][A-Za-z0-9]{1,254}$"), name));
        Assert.DoesNotContain(names, name => name is MetricDimensions.FunctionName or MetricDimensions.QueueName or MetricDimensions.StatusClass);
    }

    [Fact]
    public void EveryMetric_HasAnEmfUnit_ASmallDimensionSetWithFunctionName_AndADescription()
    {
        Assert.True(MetricCatalogue.All.Count <= EmfSpec.MaxMetricsPerDirective);
        foreach (var metric in MetricCatalogue.All)
        {
            Assert.Contains(metric.Unit.ToEmfName(), EmfSpec.Units);
            Assert.InRange(metric.Dimensions.Count, 1, 2);
            Assert.Equal(MetricDimensions.FunctionName, metric.Dimensions[0]);
            Assert.False(string.IsNullOrWhiteSpace(metric.Description));
        }

        Assert.Equal("GymCoach", MetricCatalogue.Namespace);
    }

    [Fact]
    public void Latencies_AreDistributionsInMilliseconds_AndCountsAreCounters()
    {
        foreach (var metric in new[]
        {
            MetricCatalogue.QueueLag, MetricCatalogue.ChunkDuration, MetricCatalogue.InvocationDuration,
            MetricCatalogue.StoreLatency, MetricCatalogue.ApiLatency,
        })
        {
            Assert.Equal(MetricUnit.Milliseconds, metric.Unit);
            Assert.Equal(MetricKind.Distribution, metric.Kind);
        }

        // Batch fill and the concurrency limit are levels, not events: distributions, so CloudWatch keeps their minimum and average.
        MetricDefinition[] levels = [MetricCatalogue.PublisherBatchFill, MetricCatalogue.ChunkConcurrencyLimit];
        Assert.All(MetricCatalogue.All.Where(m => m.Unit == MetricUnit.Count && !levels.Contains(m)), m => Assert.Equal(MetricKind.Counter, m.Kind));
        Assert.All(levels, m => Assert.Equal(MetricKind.Distribution, m.Kind));
    }

    [Fact]
    public void WorkerMetrics_CarryTheQueueName_AndApiRequestsTheStatusClass()
    {
        foreach (var metric in new[]
        {
            MetricCatalogue.MessagesReceived, MetricCatalogue.MessagesSucceeded, MetricCatalogue.MessagesFailed,
            MetricCatalogue.MessagesDeadLettered, MetricCatalogue.MessagesRetried, MetricCatalogue.QueueLag, MetricCatalogue.ChunkDuration,
            MetricCatalogue.ChunkConcurrencyLimit, MetricCatalogue.ChunkConcurrencyDecreases,
        })
        {
            Assert.Equal([MetricDimensions.FunctionName, MetricDimensions.QueueName], metric.Dimensions);
        }

        Assert.Equal([MetricDimensions.FunctionName, MetricDimensions.StatusClass], MetricCatalogue.ApiRequests.Dimensions);
    }
}
