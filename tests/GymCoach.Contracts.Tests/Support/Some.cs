using GymCoach.Contracts.Events;

namespace GymCoach.Contracts.Tests.Support;

/// <summary>Valid, realistic test data; tests change only what they are about with <c>with</c>.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public const string Source = "/ingest-api";

    public static SetEntry Set(int reps = 5, decimal weight = 102.5m, decimal? rpe = 8m) =>
        new() { Reps = reps, Weight = weight, Rpe = rpe };

    public static ExerciseEntry Exercise(string exerciseId = "back-squat") =>
        new() { ExerciseId = exerciseId, Sets = [Set(), Set(reps: 3, weight: 110m, rpe: 9.5m), Set(reps: 8, weight: 0m, rpe: null)] };

    public static WorkoutLogged Workout() => new()
    {
        WorkoutId = "wk-01JPB7Y6K3",
        UserId = "user-42",
        PerformedAt = new DateTimeOffset(2025, 3, 14, 6, 30, 0, TimeSpan.Zero),
        DurationSeconds = 3_900,
        Unit = WeightUnit.Kg,
        Exercises = [Exercise(), Exercise("bench-press")],
    };

    public static ProfileUpdated Profile() => new()
    {
        UserId = "user-42",
        DisplayName = "Ada L.",
        Bodyweight = 68.4m,
        Unit = WeightUnit.Kg,
        Goals = ["squat 140 kg", "run a 5k under 25 minutes"],
    };

    public static AnalyticsRecomputeRequested Recompute() => new() { UserId = "user-42", Reason = "workout deleted by support" };

    public static CloudEvent<WorkoutLogged> WorkoutEvent(WorkoutLogged? data = null) =>
        EventWriter.WorkoutLogged(data ?? Workout(), Source, "evt-0001", Now);

    public static CloudEvent<ProfileUpdated> ProfileEvent(ProfileUpdated? data = null) =>
        EventWriter.ProfileUpdated(data ?? Profile(), Source, "evt-0002", Now);

    public static CloudEvent<AnalyticsRecomputeRequested> RecomputeEvent(AnalyticsRecomputeRequested? data = null) =>
        EventWriter.AnalyticsRecompute(data ?? Recompute(), "/admin-tool", "evt-0003", Now);

    /// <summary>A list of <paramref name="count"/> items made by <paramref name="make"/>, for size limits.</summary>
    public static T[] Many<T>(int count, Func<int, T> make) => Enumerable.Range(0, count).Select(make).ToArray();
}
