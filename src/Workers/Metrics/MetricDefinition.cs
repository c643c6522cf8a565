namespace GymCoach.Workers.Metrics;

/// <summary>One metric of the <see cref="MetricCatalogue"/>: its name, unit, aggregation, dimension set and meaning.</summary>
/// <remarks>Only the catalogue creates definitions, so a metric outside it cannot be recorded.</remarks>
public sealed class MetricDefinition
{
    internal MetricDefinition(int index, string name, MetricUnit unit, MetricKind kind, IReadOnlyList<string> dimensions, string description)
    {
        Index = index;
        Name = name;
        Unit = unit;
        Kind = kind;
        Dimensions = dimensions;
        DimensionSet = string.Join(',', dimensions);
        Description = description;
    }

    public string Name { get; }

    public MetricUnit Unit { get; }

    public MetricKind Kind { get; }

    /// <summary>The one dimension set the metric is emitted with, in order.</summary>
    public IReadOnlyList<string> Dimensions { get; }

    public string Description { get; }

    /// <summary>The dimension names joined by commas: the key of the metric's series, built once rather than at every record.</summary>
    internal string DimensionSet { get; }

    /// <summary>Position in <see cref="MetricCatalogue.All"/>.</summary>
    internal int Index { get; }

    public override string ToString() => Name;
}
