namespace GymCoach.Workers.Metrics;

/// <summary>The dimension names of the pipeline's metrics; every metric uses a small fixed set of them.</summary>
public static class MetricDimensions
{
    /// <summary>The Lambda function (or host) that emitted the metric, e.g. <c>gymcoach-writes-worker-dev</c>.</summary>
    public const string FunctionName = "FunctionName";

    /// <summary>The SQS queue a worker reads, e.g. <c>gymcoach-writes-dev</c>.</summary>
    public const string QueueName = "QueueName";

    /// <summary>An HTTP status class: <c>2xx</c>, <c>3xx</c>, <c>4xx</c> or <c>5xx</c>.</summary>
    public const string StatusClass = "StatusClass";

    /// <summary>The kind of in-process cache: <c>analytics</c>, <c>profile</c>, <c>exercises</c> or <c>plans</c> (<see cref="Caching.CacheTypes"/>).</summary>
    public const string CacheType = "CacheType";
}
