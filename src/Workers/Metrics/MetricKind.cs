namespace GymCoach.Workers.Metrics;

/// <summary>How a metric is aggregated between flushes.</summary>
public enum MetricKind
{
    /// <summary>Recorded values are summed; one number per document.</summary>
    Counter,

    /// <summary>Every recorded value is kept, so CloudWatch can compute percentiles; arrays of at most 100 values per document.</summary>
    Distribution,
}
