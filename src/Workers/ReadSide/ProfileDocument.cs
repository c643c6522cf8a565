using GymCoach.Contracts.Events;

namespace GymCoach.Workers.ReadSide;

/// <summary>The body of <c>GET /v1/users/{userId}/profile</c>: the newest profile update the workers stored.</summary>
public sealed record ProfileDocument
{
    public required string UserId { get; init; }

    public required string DisplayName { get; init; }

    public required decimal Bodyweight { get; init; }

    public required WeightUnit Unit { get; init; }

    public required IReadOnlyList<string> Goals { get; init; }

    /// <summary>The time of the update event that made this profile the newest (last write wins by it).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
