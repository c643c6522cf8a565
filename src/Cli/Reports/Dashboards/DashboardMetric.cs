using GymCoach.Workers.Metrics;

namespace GymCoach.Cli.Reports.Dashboards;

/// <summary>One line of a dashboard widget: a metric with its dimensions, or (with <see cref="Expression"/>) metric math.</summary>
internal sealed record DashboardMetric
{
    public string? Namespace { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<(string Name, string Value)> Dimensions { get; init; } = [];

    public string? Expression { get; init; }

    public string? Stat { get; init; }

    public string? Label { get; init; }

    public string? Id { get; init; }

    public bool Visible { get; init; } = true;

    /// <summary>A GymCoach metric; only catalogue metrics can be named, with their own dimension set.</summary>
    public static DashboardMetric Of(MetricDefinition metric, string function, string? queue = null, string? statusClass = null, string? cacheType = null)
    {
        var dimensions = new List<(string, string)>();
        foreach (var dimension in metric.Dimensions)
        {
            dimensions.Add((dimension, dimension switch
            {
                MetricDimensions.FunctionName => function,
                MetricDimensions.QueueName => queue ?? throw new ArgumentException($"{metric.Name} needs a queue", nameof(queue)),
                MetricDimensions.StatusClass => statusClass ?? throw new ArgumentException($"{metric.Name} needs a status class", nameof(statusClass)),
                MetricDimensions.CacheType => cacheType ?? throw new ArgumentException($"{metric.Name} needs a cache type", nameof(cacheType)),
                _ => throw new ArgumentOutOfRangeException(nameof(metric), dimension, "unknown dimension"),
            }));
        }

        return new DashboardMetric { Namespace = MetricCatalogue.Namespace, Name = metric.Name, Dimensions = dimensions };
    }

    /// <summary>An AWS/SQS metric of one queue.</summary>
    public static DashboardMetric Sqs(string name, string queue) =>
        new() { Namespace = InfraNames.SqsNamespace, Name = name, Dimensions = [("QueueName", queue)] };

    /// <summary>An AWS/Lambda metric of one function.</summary>
    public static DashboardMetric Lambda(string name, string function) =>
        new() { Namespace = InfraNames.LambdaNamespace, Name = name, Dimensions = [("FunctionName", function)] };

    public static DashboardMetric Math(string id, string expression, string label) => new() { Id = id, Expression = expression, Label = label };

    /// <summary>
    /// Every series of a GymCoach metric with its full dimension set whose dimension values mention <paramref name="term"/>
    /// (CloudWatch <c>SEARCH</c>), summed per minute; each series is labelled by its dimension values.
    /// </summary>
    public static DashboardMetric Search(string id, MetricDefinition metric, string term) => new()
    {
        Id = id,
        Expression = $"SEARCH('{{{MetricCatalogue.Namespace},{string.Join(',', metric.Dimensions)}}} MetricName=\"{metric.Name}\" {term}', 'Sum', 60)",
    };
}
