using System.Text.Json;
using CsCheck;
using GymCoach.Contracts.Events;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Analytics;

/// <summary>Property: folding workouts in any order and any grouping, through storage between folds, equals computing over all of them at once.</summary>
public sealed class AnalyticsFoldPropertyTests
{
    private static readonly DateTimeOffset ComputedAt = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] ExerciseIds = ["back-squat", "bench-press", "deadlift", "pull-up", "custom-sled"];

    private static readonly Gen<(int Reps, decimal Weight)> SetGen =
        Gen.Select(Gen.Int[1, 30], Gen.Int[0, 40_000], Gen.Int[0, 3], (reps, hundredths, scale) => (reps, Scaled(hundredths, scale)));

    private static readonly Gen<WorkoutLogged> WorkoutGen = Gen.Select(
        Gen.Int[0, 3 * 365 * 24],
        Gen.Bool,
        Gen.Select(Gen.OneOf(ExerciseIds), SetGen.Array[1, 6]).Array[1, 4],
        (hours, pounds, exercises) =>
        {
            var builder = WorkoutBuilder.For("fold-user").At(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(hours));
            builder = pounds ? builder.InPounds() : builder;
            foreach (var (exerciseId, sets) in exercises)
            {
                builder = builder.Exercise(exerciseId, sets);
            }

            return builder.Build();
        });

    [Fact]
    public void FoldingInAnyOrderAndGrouping_ThroughStorage_EqualsTheFullComputation()
    {
        Gen.Select(WorkoutGen.List[0, 60], Gen.Int).Sample(
            (workouts, seed) =>
            {
                var expected = AnalyticsCalculator.Compute("fold-user", workouts, ComputedAt);
                var folded = FoldInRandomGroups(workouts, new Random(seed));
                Assert.Equal(StateJson(expected), StateJson(folded));
                Assert.Equal(AnalyticsJson.Serialize(AnalyticsDocument.From(expected)), AnalyticsJson.Serialize(AnalyticsDocument.From(folded)));
            },
            iter: 400);
    }

    [Fact]
    public void FoldingNothing_ChangesNothingButTheTime()
    {
        WorkoutGen.List[0, 20].Sample(workouts =>
        {
            var stored = AnalyticsCalculator.Compute("fold-user", workouts, ComputedAt.AddDays(-1));
            Assert.Equal(StateJson(stored with { ComputedAt = ComputedAt }), StateJson(AnalyticsCalculator.Fold(stored, [], ComputedAt)));
        });
    }

    private static UserAnalytics FoldInRandomGroups(List<WorkoutLogged> workouts, Random random)
    {
        var remaining = workouts.OrderBy(_ => random.Next()).ToList();
        var state = AnalyticsCalculator.Compute("fold-user", [], ComputedAt);
        while (remaining.Count > 0)
        {
            var take = random.Next(1, remaining.Count + 1);
            state = AnalyticsCalculator.Fold(RoundTrip(state), remaining.Take(take), ComputedAt);
            remaining.RemoveRange(0, take);
        }

        return RoundTrip(state);
    }

    // Through the stored form, as every fold reads what the previous one wrote.
    private static UserAnalytics RoundTrip(UserAnalytics analytics) =>
        JsonSerializer.Deserialize(StateJson(analytics), StorageJsonContext.Default.StoredAnalytics)!.Analytics;

    private static string StateJson(UserAnalytics analytics) =>
        JsonSerializer.Serialize(new StoredAnalytics { CalculatorVersion = AnalyticsCalculator.Version, Analytics = analytics }, StorageJsonContext.Default.StoredAnalytics);

    // Weights logged with 0 to 3 decimals (100, 100.5, 100.25, 100.125 style), as producers send them.
    private static decimal Scaled(int hundredths, int scale) => scale switch
    {
        0 => hundredths / 100,
        1 => Math.Round(hundredths / 100m, 1),
        2 => hundredths / 100m,
        _ => hundredths / 100m + 0.005m,
    };
}
