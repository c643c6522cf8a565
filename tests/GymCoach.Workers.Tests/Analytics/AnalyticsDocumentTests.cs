using GymCoach.Contracts.Events;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Analytics;

public sealed class AnalyticsDocumentTests
{
    private static readonly DateTimeOffset ComputedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Totals_AreRoundedFromExactSums_NotSummedFromRoundedParts()
    {
        // Three 1 lb singles: each 0.45359237 kg rounds to 0.45, but their exact sum 1.36077711 rounds to 1.36.
        var workout = WorkoutBuilder.For().InPounds()
            .Exercise("a", (1, 1m))
            .Exercise("b", (1, 1m))
            .Exercise("c", (1, 1m))
            .Build();
        var analytics = AnalyticsCalculator.Compute(WorkoutBuilder.DefaultUserId, [workout], ComputedAt);

        var document = AnalyticsDocument.From(analytics);

        Assert.Equal(1.36077711m, analytics.TotalVolumeKg);
        Assert.Equal(1.36m, document.TotalVolumeKg);
        Assert.Equal(1.36m, Assert.Single(document.Weekly).VolumeKg);
        Assert.All(document.Exercises, exercise => Assert.Equal(0.45m, exercise.VolumeKg));
        Assert.Equal(1.35m, document.Exercises.Sum(exercise => exercise.VolumeKg));
    }

    [Fact]
    public void Midpoints_AreRoundedAwayFromZero()
    {
        var workout = WorkoutBuilder.For().Exercise("curl", (1, 2.125m)).Build();

        var document = From(workout);

        Assert.Equal(2.13m, document.TotalVolumeKg);
        Assert.Equal(2.13m, Assert.Single(document.Exercises).BestWeightKg);
    }

    [Fact]
    public void EveryDecimal_IsRoundedToTwoPlaces()
    {
        var workout = WorkoutBuilder.For().InPounds().Exercise("bench-press", (5, 225m)).Build();

        var bench = Assert.Single(From(workout).Exercises);

        Assert.Equal(510.29m, bench.VolumeKg);
        Assert.Equal(102.06m, bench.BestWeightKg);
        // 102.05828325 × 35 / 30 = 119.067330458…
        Assert.Equal(119.07m, bench.BestEstimated1RmKg);
    }

    [Fact]
    public void Json_HasExactlyTheContractedNames_InOrder()
    {
        var json = AnalyticsJson.Serialize(From(WorkoutBuilder.For().At("2026-11-16").Exercise("bench-press", (5, 100m)).Build()));

        Assert.Equal(
            """{"userId":"user-1","totalWorkouts":1,"totalSets":1,"totalReps":5,"totalVolumeKg":500.00"""
            + ""","weekly":[{"week":"2026-W47","workouts":1,"sets":1,"volumeKg":500.00}]"""
            + ""","exercises":[{"exerciseId":"bench-press","sets":1,"reps":5,"volumeKg":500.00,"bestWeightKg":100.00,"bestEstimated1RmKg":116.67}]"""
            + ""","currentStreakWeeks":1,"lastWorkoutAt":"2026-11-16T10:00:00+00:00","computedFromWorkouts":1,"computedAt":"2026-11-20T12:00:00+00:00"}""",
            json);
    }

    [Fact]
    public void Json_OfAUserWithoutWorkouts_KeepsEveryFieldWithANullLastWorkout()
    {
        var json = AnalyticsJson.Serialize(AnalyticsDocument.From(AnalyticsCalculator.Compute("user-2", [], ComputedAt)));

        Assert.Equal(
            """{"userId":"user-2","totalWorkouts":0,"totalSets":0,"totalReps":0,"totalVolumeKg":0.00,"weekly":[],"exercises":[]"""
            + ""","currentStreakWeeks":0,"lastWorkoutAt":null,"computedFromWorkouts":0,"computedAt":"2026-11-20T12:00:00+00:00"}""",
            json);
    }

    [Fact]
    public void Json_RoundTrips_CompactAndIndented()
    {
        var document = AnalyticsDocuments.For("user-3", workouts: 3, exercisesPerWorkout: 2);
        var compact = AnalyticsJson.Serialize(document);
        var indented = AnalyticsJson.Serialize(document, indented: true);

        Assert.DoesNotContain('\n', compact);
        Assert.Contains('\n', indented);
        Assert.Equal(compact, AnalyticsJson.Serialize(AnalyticsJson.Parse(compact)));
        Assert.Equal(compact, AnalyticsJson.Serialize(AnalyticsJson.Parse(indented)));
        Assert.Equal(compact, AnalyticsJson.Serialize(AnalyticsJson.Parse(AnalyticsJson.SerializeToUtf8Bytes(document))));
    }

    [Fact]
    public void SameWorkoutsInAnyOrder_GiveAnIdenticalDocument()
    {
        WorkoutLogged[] workouts =
        [
            WorkoutBuilder.For().At("2024-12-30").InPounds().Exercise("bench-press", (5, 185m), (3, 205.5m)).Build(),
            WorkoutBuilder.For().At("2025-01-02").Exercise("bench-press", (5, 82.5m)).Exercise("my-custom", (12, 17.25m)).Build(),
            WorkoutBuilder.For().At("2021-01-03").Exercise("deadlift", (1, 180m), (5, 150.0m)).Build(),
            WorkoutBuilder.For().At("2025-01-09T23:59:59-01:00").InPounds().Exercise("deadlift", (3, 315m)).Build(),
            WorkoutBuilder.For().At("2025-01-05").Exercise("back-squat", (8, 100.00m)).Build(),
        ];
        var expected = AnalyticsJson.Serialize(AnalyticsDocument.From(
            AnalyticsCalculator.Compute(WorkoutBuilder.DefaultUserId, workouts, ComputedAt)));

        var random = new Random(20261116);
        for (var round = 0; round < 20; round++)
        {
            var shuffled = workouts.ToArray();
            random.Shuffle(shuffled);

            var actual = AnalyticsJson.Serialize(AnalyticsDocument.From(
                AnalyticsCalculator.Compute(WorkoutBuilder.DefaultUserId, shuffled, ComputedAt)));

            Assert.Equal(expected, actual);
        }
    }

    private static AnalyticsDocument From(WorkoutLogged workout) =>
        AnalyticsDocument.From(AnalyticsCalculator.Compute(WorkoutBuilder.DefaultUserId, [workout], ComputedAt));
}
