using System.Text.Json.Serialization;

namespace GymCoach.Workers.Plans;

/// <summary>One exercise of a plan's session: an exercise library id, the sets, and the reps per set.</summary>
public sealed record PlanExercise
{
    /// <summary>An id of the exercise library, the same id a logged workout uses.</summary>
    public required string ExerciseId { get; init; }

    public required int Sets { get; init; }

    /// <summary>Reps per set as a coach writes them: <c>5</c>, <c>8-12</c>, <c>5+</c> (as many as possible).</summary>
    public required string Reps { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notes { get; init; }
}
