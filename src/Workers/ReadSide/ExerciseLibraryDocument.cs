namespace GymCoach.Workers.ReadSide;

/// <summary>The body of <c>GET /v1/exercises</c>: every built-in exercise, in the library's order (by body region).</summary>
public sealed record ExerciseLibraryDocument
{
    public required IReadOnlyList<ExerciseDocument> Exercises { get; init; }
}
