using GymCoach.Contracts.Events;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Analytics;

public sealed class AnalyticsCalculatorWeekTests
{
    private static readonly DateTimeOffset ComputedAt = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-16", "2026-W47")]
    [InlineData("2024-12-30", "2025-W01")]
    [InlineData("2024-12-29", "2024-W52")]
    [InlineData("2021-01-03", "2020-W53")]
    [InlineData("2021-01-04", "2021-W01")]
    [InlineData("2026-12-31", "2026-W53")]
    [InlineData("2027-01-03", "2026-W53")]
    [InlineData("2027-01-04", "2027-W01")]
    public void Week_IsTheIsoWeekWithItsWeekNumberingYear(string performedOn, string expectedWeek)
    {
        var result = Compute(Workout(performedOn));

        Assert.Equal(expectedWeek, Assert.Single(result.Weekly).Week);
    }

    [Theory]
    [InlineData("2025-01-05T23:30:00-05:00", "2025-W02")]
    [InlineData("2025-01-06T01:00:00+02:00", "2025-W01")]
    public void Week_IsTakenInUtc(string performedAt, string expectedWeek)
    {
        Assert.Equal(expectedWeek, Assert.Single(Compute(Workout(performedAt)).Weekly).Week);
    }

    [Fact]
    public void Weekly_IsAscendingByIsoWeekAcrossYears_AndSumsWorkoutsOfTheSameWeek()
    {
        var result = Compute(
            Workout("2025-01-07", (5, 100m)),
            Workout("2020-12-31", (5, 100m)),
            Workout("2024-12-30", (5, 100m), (5, 50m)),
            Workout("2024-12-23", (5, 100m)),
            Workout("2025-01-01", (1, 100m)));

        Assert.Equal(["2020-W53", "2024-W52", "2025-W01", "2025-W02"], result.Weekly.Select(week => week.Week));
        var newYear = result.Weekly[2];
        Assert.Equal(2, newYear.Workouts);
        Assert.Equal(3, newYear.Sets);
        Assert.Equal(850m, newYear.VolumeKg);
    }

    [Fact]
    public void Streak_OfOneWorkout_IsOne()
    {
        Assert.Equal(1, Compute(Workout("2026-11-16")).CurrentStreakWeeks);
    }

    [Fact]
    public void Streak_EndsAtTheLatestWorkoutsWeek_AndAGapBreaksIt()
    {
        // 2026-W40, W41, (gap W42), W43, W44 twice: the streak is W43–W44, however long ago that is.
        var result = Compute(
            Workout("2026-09-28"),
            Workout("2026-10-05"),
            Workout("2026-10-19"),
            Workout("2026-10-26"),
            Workout("2026-10-29"));

        Assert.Equal(2, result.CurrentStreakWeeks);
    }

    [Fact]
    public void Streak_RunsThroughWeek53()
    {
        var result = Compute(Workout("2026-12-21"), Workout("2026-12-28"), Workout("2027-01-04"));

        Assert.Equal(["2026-W52", "2026-W53", "2027-W01"], result.Weekly.Select(week => week.Week));
        Assert.Equal(3, result.CurrentStreakWeeks);
    }

    [Fact]
    public void Streak_GoesFromWeek52ToWeek1InAYearWithout53Weeks()
    {
        Assert.Equal(2, Compute(Workout("2024-12-23"), Workout("2024-12-30")).CurrentStreakWeeks);
    }

    [Fact]
    public void Streak_FromWeek1BackTo2020Week53()
    {
        Assert.Equal(2, Compute(Workout("2020-12-28"), Workout("2021-01-04")).CurrentStreakWeeks);
    }

    private static WorkoutLogged Workout(string performedAt, params (int Reps, decimal Weight)[] sets) =>
        WorkoutBuilder.For().At(performedAt).Exercise("back-squat", sets.Length == 0 ? [(5, 100m)] : sets).Build();

    private static UserAnalytics Compute(params WorkoutLogged[] workouts) =>
        AnalyticsCalculator.Compute(WorkoutBuilder.DefaultUserId, workouts, ComputedAt);
}
