using GymCoach.Contracts.Events;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Analytics;

public sealed class AnalyticsCalculatorTotalsTests
{
    private const string UserId = WorkoutBuilder.DefaultUserId;
    private static readonly DateTimeOffset ComputedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Pounds_AreConvertedToKilogramsExactly()
    {
        var workout = WorkoutBuilder.For().InPounds().Exercise("bench-press", (1, 225m)).Build();

        var result = Compute(workout);

        var bench = Assert.Single(result.Exercises);
        Assert.Equal(102.05828325m, bench.BestWeightKg);
        Assert.Equal(102.05828325m, bench.VolumeKg);
        Assert.Equal(102.05828325m, result.TotalVolumeKg);
    }

    [Fact]
    public void Totals_SumRepsTimesKilogramsOverEverySetOfEveryWorkout()
    {
        var monday = WorkoutBuilder.For().At("2026-11-16")
            .Exercise("bench-press", (5, 100m), (3, 110m))
            .Exercise("back-squat", (5, 140m))
            .Build();
        var thursday = WorkoutBuilder.For().At("2026-11-19").InPounds()
            .Exercise("deadlift", (5, 225m))
            .Build();

        var result = Compute(monday, thursday);

        Assert.Equal(2, result.TotalWorkouts);
        Assert.Equal(4, result.TotalSets);
        Assert.Equal(18, result.TotalReps);
        // 5×100 + 3×110 + 5×140 = 1530 kg, plus 5 × 225 lb = 1125 × 0.45359237 = 510.29141625 kg.
        Assert.Equal(2040.29141625m, result.TotalVolumeKg);
        Assert.Equal(2, result.ComputedFromWorkouts);
    }

    [Fact]
    public void PerExercise_SetsRepsVolumeAndBestWeightAreAcrossWorkouts()
    {
        var first = WorkoutBuilder.For().At("2026-11-16").Exercise("bench-press", (5, 100m), (3, 110m)).Build();
        var second = WorkoutBuilder.For().At("2026-11-19").InPounds().Exercise("bench-press", (2, 250m)).Build();

        var bench = Assert.Single(Compute(first, second).Exercises);

        Assert.Equal(3, bench.Sets);
        Assert.Equal(10, bench.Reps);
        // 500 + 330 + 2 × 113.3980925 kg.
        Assert.Equal(1056.796185m, bench.VolumeKg);
        Assert.Equal(113.3980925m, bench.BestWeightKg);
    }

    [Fact]
    public void OneRepSet_CountsAsItsWeightExactly()
    {
        var workout = WorkoutBuilder.For().Exercise("deadlift", (1, 200m)).Build();

        Assert.Equal(200m, Assert.Single(Compute(workout).Exercises).BestEstimated1RmKg);
    }

    [Theory]
    [InlineData(5, 90, 105)]
    [InlineData(10, 60, 80)]
    [InlineData(3, 100, 110)]
    public void EstimatedOneRepMax_IsWeightTimesOnePlusRepsOverThirty(int reps, int weightKg, int expectedKg)
    {
        var workout = WorkoutBuilder.For().Exercise("back-squat", (reps, weightKg)).Build();

        Assert.Equal(expectedKg, Assert.Single(Compute(workout).Exercises).BestEstimated1RmKg);
    }

    [Fact]
    public void BestEstimatedOneRepMax_MayComeFromALighterSetThanBestWeight()
    {
        var workout = WorkoutBuilder.For().Exercise("bench-press", (1, 100m), (10, 80m)).Build();

        var bench = Assert.Single(Compute(workout).Exercises);

        Assert.Equal(100m, bench.BestWeightKg);
        // 80 × 40 / 30 = 106.666…, kept unrounded.
        Assert.Equal(106.6666666667m, Math.Round(bench.BestEstimated1RmKg, 10));
        Assert.NotEqual(106.67m, bench.BestEstimated1RmKg);
    }

    [Fact]
    public void NegativeWeights_StillGiveAMaximumRatherThanZero()
    {
        var workout = WorkoutBuilder.For().Exercise("assisted-pull-up", (8, -30m), (6, -20m)).Build();

        Assert.Equal(-20m, Assert.Single(Compute(workout).Exercises).BestWeightKg);
    }

    [Fact]
    public void Exercises_AreOrderedByIdOrdinally_AndCustomIdsAreKept()
    {
        var workout = WorkoutBuilder.For()
            .Exercise("zercher-squat-custom", (5, 60m))
            .Exercise("bench-press", (5, 60m))
            .Exercise("my-custom-1", (5, 60m))
            .Exercise("Bench-Press", (5, 60m))
            .Build();

        var ids = Compute(workout).Exercises.Select(exercise => exercise.ExerciseId);

        Assert.Equal(["Bench-Press", "bench-press", "my-custom-1", "zercher-squat-custom"], ids);
        Assert.False(ExerciseLibrary.TryGet("zercher-squat-custom", out _));
    }

    [Fact]
    public void NoWorkouts_GiveAnEmptyResult()
    {
        var result = AnalyticsCalculator.Compute(UserId, [], ComputedAt);

        Assert.Equal(0, result.TotalWorkouts);
        Assert.Equal(0, result.TotalSets);
        Assert.Equal(0, result.TotalReps);
        Assert.Equal(0m, result.TotalVolumeKg);
        Assert.Empty(result.Weekly);
        Assert.Empty(result.Exercises);
        Assert.Equal(0, result.CurrentStreakWeeks);
        Assert.Null(result.LastWorkoutAt);
        Assert.Equal(0, result.ComputedFromWorkouts);
        Assert.Equal(ComputedAt, result.ComputedAt);
    }

    [Fact]
    public void LastWorkoutAt_IsTheLatestInstantInUtc()
    {
        var late = WorkoutBuilder.For().At("2026-11-19T01:30:00+02:00").Exercise("dip", (10, 0m)).Build();
        var early = WorkoutBuilder.For().At("2026-11-18T22:00:00Z").Exercise("dip", (10, 0m)).Build();

        var last = Compute(late, early).LastWorkoutAt;

        Assert.Equal(new DateTimeOffset(2026, 11, 18, 23, 30, 0, TimeSpan.Zero), last);
        Assert.Equal(TimeSpan.Zero, last!.Value.Offset);
    }

    [Fact]
    public void WorkoutOfAnotherUser_IsRejected()
    {
        var workout = WorkoutBuilder.For("someone-else").Exercise("dip", (10, 0m)).Build();

        Assert.Throws<ArgumentException>(() => Compute(workout));
    }

    private static UserAnalytics Compute(params WorkoutLogged[] workouts) =>
        AnalyticsCalculator.Compute(UserId, workouts, ComputedAt);
}
