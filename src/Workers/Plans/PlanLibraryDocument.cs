namespace GymCoach.Workers.Plans;

/// <summary>The body of <c>GET /v1/plans</c>: every plan template, ordered by id.</summary>
public sealed record PlanLibraryDocument
{
    public required IReadOnlyList<WorkoutPlan> Plans { get; init; }
}
