namespace GymCoach.Workers.Metrics;

public static class MetricUnits
{
    /// <summary>The unit's name as the embedded metric format and the CloudWatch API spell it.</summary>
    public static string ToEmfName(this MetricUnit unit) => unit switch
    {
        MetricUnit.Count => "Count",
        MetricUnit.Milliseconds => "Milliseconds",
        MetricUnit.Percent => "Percent",
        MetricUnit.Bytes => "Bytes",
        MetricUnit.None => "None",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "not an EMF unit"),
    };
}
