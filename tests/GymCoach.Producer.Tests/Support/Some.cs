using GymCoach.Contracts.Events;

namespace GymCoach.Producer.Tests.Support;

/// <summary>Test data: valid events by default, and ones that break known rules.</summary>
internal static class Some
{
    private static int _next;

    public static string Id(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next):D5}";

    public static WorkoutLogged Workout(string? userId = null, DateTimeOffset? performedAt = null) => new()
    {
        WorkoutId = Id("workout"),
        UserId = userId ?? "user-00001",
        PerformedAt = performedAt ?? new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.Zero),
        DurationSeconds = 3600,
        Unit = WeightUnit.Kg,
        Exercises =
        [
            new ExerciseEntry
            {
                ExerciseId = "back-squat",
                Sets = [new SetEntry { Reps = 5, Weight = 100m, Rpe = 8m }, new SetEntry { Reps = 5, Weight = 102.5m }],
            },
        ],
    };

    /// <summary>Five broken rules: blank workoutId, a local offset, negative duration, zero reps, too heavy.</summary>
    public static WorkoutLogged InvalidWorkout() => Workout() with
    {
        WorkoutId = " ",
        PerformedAt = new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.FromHours(2)),
        DurationSeconds = -1,
        Exercises =
        [
            new ExerciseEntry { ExerciseId = "deadlift", Sets = [new SetEntry { Reps = 0, Weight = 1500m }] },
        ],
    };

    public static readonly string[] InvalidWorkoutFields =
        ["workoutId", "performedAt", "durationSeconds", "exercises[0].sets[0].reps", "exercises[0].sets[0].weight"];

    public static ProfileUpdated Profile(string? userId = null) => new()
    {
        UserId = userId ?? "user-00001",
        DisplayName = "Ada",
        Bodyweight = 61.5m,
        Unit = WeightUnit.Kg,
        Goals = ["first pull-up"],
    };

    public static AnalyticsRecomputeRequested Recompute(string? userId = null) => new()
    {
        UserId = userId ?? "user-00001",
        Reason = RecomputeReasons.Rebuild,
    };
}
