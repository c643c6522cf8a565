using System.Text.Json;
using GymCoach.Cli.Reports.Dashboards;
using GymCoach.TestSupport;
using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Tests.Reports;

/// <summary>
/// infrastructure/dashboard.json and alarms.json are generated from the metric catalogue. Regenerate them with
/// <c>GYMCOACH_UPDATE_INFRA=1 dotnet test tests/GymCoach.Cli.Tests --filter InfrastructureFilesTests</c>.
/// </summary>
public sealed class InfrastructureFilesTests
{
    private static readonly string DashboardPath = Path.Combine(RepositoryRoot.Path, "infrastructure", "dashboard.json");
    private static readonly string AlarmsPath = Path.Combine(RepositoryRoot.Path, "infrastructure", "alarms.json");

    [Fact]
    public void TheCommittedDashboard_IsWhatTheGeneratorMakes() => AssertCurrent(DashboardPath, DashboardGenerator.Generate());

    [Fact]
    public void TheCommittedAlarms_AreWhatTheGeneratorMakes() => AssertCurrent(AlarmsPath, AlarmGenerator.Generate());

    [Fact]
    public void EveryGymCoachMetricOfTheDashboard_IsInTheCatalogue_WithItsDimensionSet()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var named = new List<string>();
        foreach (var widget in dashboard.RootElement.GetProperty("widgets").EnumerateArray())
        {
            var properties = widget.GetProperty("properties");
            Assert.Equal("${AWS::Region}", properties.GetProperty("region").GetString());
            foreach (var line in properties.GetProperty("metrics").EnumerateArray())
            {
                var parts = line.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
                if (parts.Count == 0)
                {
                    Assert.True(line[0].TryGetProperty("expression", out _), "a line without a metric must be metric math");
                    continue;
                }

                named.Add(parts[1]);
                AssertKnown(parts[0], parts[1], [.. parts.Skip(2).Where((_, i) => i % 2 == 0)]);
            }
        }

        Assert.Contains("ApproximateAgeOfOldestMessage", named);
        Assert.Contains("ApproximateNumberOfMessagesVisible", named);
        Assert.Contains("Errors", named);
        Assert.Contains("Throttles", named);
        foreach (var required in new[] { "MessagesReceived", "MessagesFailed", "ChunkDuration", "InvocationErrors", "ApiLatency", "ApiRequests" })
        {
            Assert.Contains(required, named);
        }
    }

    [Fact]
    public void TheDashboard_ShowsCacheHitsAndMisses_PerCacheType_OfTheStagesFunctions()
    {
        var text = File.ReadAllText(DashboardPath);

        Assert.Equal([MetricDimensions.FunctionName, MetricDimensions.CacheType], MetricCatalogue.CacheHits.Dimensions);
        Assert.Contains("""SEARCH('{GymCoach,FunctionName,CacheType} MetricName=\"CacheHits\" ${Stage}', 'Sum', 60)""", text, StringComparison.Ordinal);
        Assert.Contains("""SEARCH('{GymCoach,FunctionName,CacheType} MetricName=\"CacheMisses\" ${Stage}', 'Sum', 60)""", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAlarm_NamesOnlyCatalogueSqsOrLambdaMetrics_AndTheStageGoesThroughFnSub()
    {
        using var alarms = JsonDocument.Parse(File.ReadAllText(AlarmsPath));
        var count = 0;
        foreach (var resource in alarms.RootElement.EnumerateObject())
        {
            count++;
            Assert.Equal("AWS::CloudWatch::Alarm", resource.Value.GetProperty("Type").GetString());
            var properties = resource.Value.GetProperty("Properties");
            Assert.Contains("${Stage}", properties.GetProperty("AlarmName").GetProperty("Fn::Sub").GetString(), StringComparison.Ordinal);
            Assert.Equal(AlarmGenerator.AlarmTopic, Assert.Single(properties.GetProperty("AlarmActions").EnumerateArray()).GetProperty("Ref").GetString());
            if (properties.TryGetProperty("MetricName", out var name))
            {
                AssertKnown(properties.GetProperty("Namespace").GetString()!, name.GetString()!, DimensionNames(properties));
                continue;
            }

            foreach (var query in properties.GetProperty("Metrics").EnumerateArray())
            {
                if (query.TryGetProperty("MetricStat", out var stat))
                {
                    var metric = stat.GetProperty("Metric");
                    AssertKnown(metric.GetProperty("Namespace").GetString()!, metric.GetProperty("MetricName").GetString()!, DimensionNames(metric));
                }
            }
        }

        Assert.Equal(13, count);
    }

    [Fact]
    public void TheAlarms_CoverTheDeadLetterQueues_AgeOfOldestMessage_FailureRate_LambdaErrorsAndThrottles_AndApiP95()
    {
        var text = File.ReadAllText(AlarmsPath);

        Assert.Contains("\"Fn::Sub\": \"gymcoach-writes-${Stage}-dlq\"", text, StringComparison.Ordinal);
        Assert.Contains("gymcoach-analytics-${Stage}-dlq", text, StringComparison.Ordinal);
        Assert.Contains("\"MetricName\": \"ApproximateAgeOfOldestMessage\"", text, StringComparison.Ordinal);
        Assert.Contains("100 * (FILL(failed, 0) + FILL(deadLettered, 0)) / received", text, StringComparison.Ordinal);
        Assert.Contains("\"Namespace\": \"AWS/Lambda\"", text, StringComparison.Ordinal);
        Assert.Contains("\"MetricName\": \"Errors\"", text, StringComparison.Ordinal);
        Assert.Contains("\"MetricName\": \"Throttles\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Fn::Sub\": \"gymcoach-api-${Stage}\"", text, StringComparison.Ordinal);
        Assert.Contains("\"ExtendedStatistic\": \"p95\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Threshold\": 200", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameOutsideTheCatalogue_WouldBeCaught()
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertKnown("GymCoach", "MessagesLost", ["FunctionName"]));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertKnown("GymCoach", "CacheHits", ["FunctionName", "QueueName"]));
    }

    private static void AssertKnown(string ns, string name, IReadOnlyList<string> dimensions)
    {
        if (ns == "AWS/SQS")
        {
            Assert.Equal(["QueueName"], dimensions);
            return;
        }

        if (ns == "AWS/Lambda")
        {
            Assert.True(name is "Errors" or "Throttles", $"AWS/Lambda {name} is not alarmed on");
            Assert.Equal(["FunctionName"], dimensions);
            return;
        }

        Assert.Equal(MetricCatalogue.Namespace, ns);
        var metric = MetricCatalogue.Find(name);
        Assert.True(metric is not null, $"{name} is not in the metric catalogue");
        Assert.Equal(metric.Dimensions, dimensions);
    }

    private static List<string> DimensionNames(JsonElement metric) =>
        [.. metric.GetProperty("Dimensions").EnumerateArray().Select(d => d.GetProperty("Name").GetString()!)];

    private static void AssertCurrent(string path, string generated)
    {
        if (Environment.GetEnvironmentVariable("GYMCOACH_UPDATE_INFRA") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing; generate it (see {nameof(InfrastructureFilesTests)})");
        Assert.True(
            File.ReadAllText(path).ReplaceLineEndings("\n") == generated,
            $"{path} is stale: regenerate it with GYMCOACH_UPDATE_INFRA=1 dotnet test tests/GymCoach.Cli.Tests --filter InfrastructureFilesTests");
    }
}
