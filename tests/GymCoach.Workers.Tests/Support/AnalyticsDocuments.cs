using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Tests.Support;

/// <summary>Ready-made <see cref="AnalyticsDocument"/>s, computed by the real calculator.</summary>
internal static class AnalyticsDocuments
{
    public static readonly DateTimeOffset ComputedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A document of <paramref name="workouts"/> weekly workouts of <paramref name="exercisesPerWorkout"/> exercises each; large counts make large JSON.</summary>
    public static AnalyticsDocument For(string userId, int workouts = 1, int exercisesPerWorkout = 1)
    {
        var logged = new List<Contracts.Events.WorkoutLogged>(workouts);
        var start = new DateTimeOffset(2025, 1, 6, 7, 0, 0, TimeSpan.Zero);
        for (var w = 0; w < workouts; w++)
        {
            var builder = WorkoutBuilder.For(userId).At(start.AddDays(7 * w));
            for (var e = 0; e < exercisesPerWorkout; e++)
            {
                builder.Exercise($"custom-exercise-{e:D3}", (5, 20m + e), (3, 22.5m + e));
            }

            logged.Add(builder.Build());
        }

        return AnalyticsDocument.From(AnalyticsCalculator.Compute(userId, logged, ComputedAt));
    }
}
