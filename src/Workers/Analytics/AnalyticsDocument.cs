using System.Text.Json.Serialization;

namespace GymCoach.Workers.Analytics;

/// <summary>A user's analytics as stored and served: <see cref="UserAnalytics"/> with every decimal rounded to 2 places.</summary>
/// <remarks>Serialize with <see cref="AnalyticsJson"/>; the JSON names are the public contract of the analytics API.</remarks>
public sealed record AnalyticsDocument
{
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("totalWorkouts")]
    public required int TotalWorkouts { get; init; }

    [JsonPropertyName("totalSets")]
    public required int TotalSets { get; init; }

    [JsonPropertyName("totalReps")]
    public required int TotalReps { get; init; }

    [JsonPropertyName("totalVolumeKg")]
    public required decimal TotalVolumeKg { get; init; }

    [JsonPropertyName("weekly")]
    public required IReadOnlyList<WeeklyAnalytics> Weekly { get; init; }

    [JsonPropertyName("exercises")]
    public required IReadOnlyList<ExerciseAnalytics> Exercises { get; init; }

    [JsonPropertyName("currentStreakWeeks")]
    public required int CurrentStreakWeeks { get; init; }

    /// <summary>The latest workout's <c>performedAt</c> in UTC; null when the user has no workouts.</summary>
    [JsonPropertyName("lastWorkoutAt")]
    public required DateTimeOffset? LastWorkoutAt { get; init; }

    /// <summary>The number of workouts the document was computed from: its version for conditional writes.</summary>
    [JsonPropertyName("computedFromWorkouts")]
    public required int ComputedFromWorkouts { get; init; }

    [JsonPropertyName("computedAt")]
    public required DateTimeOffset ComputedAt { get; init; }

    /// <summary>Makes the document of exact analytics, rounding each value once to 2 decimals (midpoints away from zero).</summary>
    /// <remarks>Totals are rounded from the exact sums, never summed from rounded parts.</remarks>
    public static AnalyticsDocument From(UserAnalytics analytics)
    {
        ArgumentNullException.ThrowIfNull(analytics);

        var weekly = new WeeklyAnalytics[analytics.Weekly.Count];
        for (var i = 0; i < weekly.Length; i++)
        {
            var week = analytics.Weekly[i];
            weekly[i] = week with { VolumeKg = Round(week.VolumeKg) };
        }

        var exercises = new ExerciseAnalytics[analytics.Exercises.Count];
        for (var i = 0; i < exercises.Length; i++)
        {
            var exercise = analytics.Exercises[i];
            exercises[i] = exercise with
            {
                VolumeKg = Round(exercise.VolumeKg),
                BestWeightKg = Round(exercise.BestWeightKg),
                BestEstimated1RmKg = Round(exercise.BestEstimated1RmKg),
            };
        }

        return new AnalyticsDocument
        {
            UserId = analytics.UserId,
            TotalWorkouts = analytics.TotalWorkouts,
            TotalSets = analytics.TotalSets,
            TotalReps = analytics.TotalReps,
            TotalVolumeKg = Round(analytics.TotalVolumeKg),
            Weekly = weekly,
            Exercises = exercises,
            CurrentStreakWeeks = analytics.CurrentStreakWeeks,
            LastWorkoutAt = analytics.LastWorkoutAt?.ToUniversalTime(),
            ComputedFromWorkouts = analytics.ComputedFromWorkouts,
            ComputedAt = analytics.ComputedAt.ToUniversalTime(),
        };
    }

    // Adding 0.00m gives every value exactly two decimal places, so equal documents serialize to equal text
    // whatever scale the inputs were logged with (100 and 100.0 both become 100.00).
    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
