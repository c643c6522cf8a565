namespace GymCoach.Workers.ReadSide;

/// <summary>One exercise of <c>GET /v1/exercises</c>: the id workouts log it by, its name, and its classification in kebab case.</summary>
public sealed record ExerciseDocument
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The muscle group it mainly trains: <c>quadriceps</c>, <c>full-body</c>…</summary>
    public required string MuscleGroup { get; init; }

    /// <summary>What it is done with: <c>barbell</c>, <c>bodyweight</c>…</summary>
    public required string Equipment { get; init; }
}
