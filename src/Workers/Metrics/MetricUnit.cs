namespace GymCoach.Workers.Metrics;

/// <summary>The CloudWatch units the pipeline's metrics use; each is written under its EMF name (<see cref="MetricUnits.ToEmfName"/>).</summary>
public enum MetricUnit
{
    Count,
    Milliseconds,
    Percent,
    Bytes,
    None,
}
