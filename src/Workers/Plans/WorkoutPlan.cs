namespace GymCoach.Workers.Plans;

/// <summary>A workout plan template: a well-known programme, versioned, as written in <c>Plans/Programmes/&lt;id&gt;.v&lt;version&gt;.json</c>.</summary>
public sealed record WorkoutPlan
{
    /// <summary>Stable id, in the alphabet of exercise ids (<c>starting-strength</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Goes up whenever the plan's content changes, so clients can tell an edited plan from the one they saved.</summary>
    public required int Version { get; init; }

    public required string Name { get; init; }

    /// <summary>Who devised the programme and where it was published.</summary>
    public required string Origin { get; init; }

    /// <summary><c>beginner</c>, <c>intermediate</c> or <c>advanced</c>.</summary>
    public required string Level { get; init; }

    public required int DaysPerWeek { get; init; }

    public required string Summary { get; init; }

    /// <summary>How the sessions rotate and how the load goes up.</summary>
    public required string Progression { get; init; }

    public required IReadOnlyList<PlanSession> Sessions { get; init; }
}
