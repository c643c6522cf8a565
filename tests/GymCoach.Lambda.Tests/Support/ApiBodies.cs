using System.Globalization;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>Request bodies of the ingest API as producers write them: raw JSON, so tests can break them.</summary>
internal static class ApiBodies
{
    public static string Workout(string workoutId = "w-1", string userId = "alice", int reps = 5) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            {"workoutId":"{{workoutId}}","userId":"{{userId}}","performedAt":"2025-01-06T07:00:00Z","durationSeconds":3600,"unit":"kg",
             "exercises":[{"exerciseId":"bench-press","sets":[{"reps":{{reps}},"weight":100},{"reps":3,"weight":110,"rpe":8}]}]}
            """);

    public static string Batch(params string[] workouts) => "{\"workouts\":[" + string.Join(',', workouts) + "]}";
}
