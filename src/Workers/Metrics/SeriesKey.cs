namespace GymCoach.Workers.Metrics;

/// <summary>One dimension set with its values: everything recorded under it goes into the same EMF documents.</summary>
internal readonly record struct SeriesKey(string DimensionSet, string FunctionName, string? QueueName, string? StatusClass, string? CacheType = null)
{
    public string ValueOf(string dimension) => dimension switch
    {
        MetricDimensions.FunctionName => FunctionName,
        MetricDimensions.QueueName => QueueName!,
        MetricDimensions.StatusClass => StatusClass!,
        MetricDimensions.CacheType => CacheType!,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not a catalogue dimension"),
    };
}
