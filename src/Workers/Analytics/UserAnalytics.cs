namespace GymCoach.Workers.Analytics;

/// <summary>A user's training analytics, computed exactly (unrounded decimals, weights in kilograms).</summary>
/// <remarks>Rounding happens only when the result becomes an <see cref="AnalyticsDocument"/>.</remarks>
public sealed record UserAnalytics
{
    public required string UserId { get; init; }

    public required int TotalWorkouts { get; init; }

    public required int TotalSets { get; init; }

    public required int TotalReps { get; init; }

    public required decimal TotalVolumeKg { get; init; }

    /// <summary>One entry per ISO week with at least one workout, ascending by week.</summary>
    public required IReadOnlyList<WeeklyAnalytics> Weekly { get; init; }

    /// <summary>One entry per exercise id, ordered by id (ordinal).</summary>
    public required IReadOnlyList<ExerciseAnalytics> Exercises { get; init; }

    /// <summary>Consecutive ISO weeks with a workout, ending at and including the week of the latest workout; 0 without workouts.</summary>
    public required int CurrentStreakWeeks { get; init; }

    /// <summary>The latest <c>performedAt</c>, in UTC; null without workouts.</summary>
    public required DateTimeOffset? LastWorkoutAt { get; init; }

    /// <summary>How many workouts the result was computed from: the result's version for conditional writes.</summary>
    public required int ComputedFromWorkouts { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }
}
