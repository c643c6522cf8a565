using System.Globalization;

namespace GymCoach.Ingest.Tests.Support;

/// <summary>Request bodies as producers write them: raw JSON, so tests can break them in every way.</summary>
internal static class Bodies
{
    public static string Workout(string workoutId = "w-1", string userId = "alice", int reps = 5, decimal weight = 100m, string extra = "") =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            {"workoutId":"{{workoutId}}","userId":"{{userId}}","performedAt":"2025-01-06T07:00:00Z","durationSeconds":3600,"unit":"kg",
             "exercises":[{"exerciseId":"bench-press","sets":[{"reps":{{reps}},"weight":{{weight}}},{"reps":3,"weight":110,"rpe":8}]}]{{extra}}}
            """);

    public static string Batch(params string[] workouts) => "{\"workouts\":[" + string.Join(',', workouts) + "]}";

    public static string Profile(string userId = "alice", string displayName = "Alice") =>
        $$"""{"userId":"{{userId}}","displayName":"{{displayName}}","bodyweight":62.5,"unit":"kg","goals":["squat 100"]}""";

    public static string Recompute(string userId = "alice", string reason = "support-ticket") =>
        $$"""{"userId":"{{userId}}","reason":"{{reason}}"}""";
}
