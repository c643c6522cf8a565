namespace GymCoach.Workers.Plans;

/// <summary>One workout of a plan (<c>Workout A</c>, <c>Push</c>), its exercises in order.</summary>
public sealed record PlanSession
{
    public required string Name { get; init; }

    public required IReadOnlyList<PlanExercise> Exercises { get; init; }
}
