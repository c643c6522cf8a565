using GymCoach.Contracts.Tests.Support;
using GymCoach.Contracts.Validation;
using static GymCoach.Contracts.Tests.Support.ValidationAssert;

namespace GymCoach.Contracts.Tests.Validation;

public sealed class WorkoutPerformedAtRulesTests
{
    [Fact]
    public void A_workout_long_ago_is_valid()
    {
        var performedAt = new DateTimeOffset(2019, 6, 1, 7, 0, 0, TimeSpan.Zero);

        Assert.Empty(EventValidator.ValidateWorkout(Some.Workout() with { PerformedAt = performedAt }, Some.Now));
    }

    [Fact]
    public void A_workout_exactly_one_day_ahead_of_now_is_valid()
    {
        var workout = Some.Workout() with { PerformedAt = Some.Now.AddDays(1) };

        Assert.Empty(EventValidator.ValidateWorkout(workout, Some.Now));
    }

    [Fact]
    public void A_workout_more_than_one_day_ahead_of_now_is_rejected()
    {
        var workout = Some.Workout() with { PerformedAt = Some.Now.AddDays(1).AddSeconds(1) };

        var errors = EventValidator.ValidateWorkout(workout, Some.Now);

        SingleError(errors, "performedAt", "must not be more than 1 day after now (2025-03-14T12:00:00.0000000Z), was 2025-03-15T12:00:01.0000000Z");
    }

    [Fact]
    public void A_time_with_a_non_zero_offset_is_rejected_as_not_utc()
    {
        var workout = Some.Workout() with { PerformedAt = new DateTimeOffset(2025, 3, 14, 8, 30, 0, TimeSpan.FromHours(2)) };

        var errors = EventValidator.ValidateWorkout(workout, Some.Now);

        SingleError(errors, "performedAt", "must be in UTC (offset zero, e.g. 2025-01-31T18:00:00Z), was offset +02:00");
    }

    [Fact]
    public void A_future_local_time_reports_both_problems()
    {
        var workout = Some.Workout() with { PerformedAt = new DateTimeOffset(2025, 3, 20, 8, 0, 0, TimeSpan.FromHours(-5)) };

        var errors = EventValidator.ValidateWorkout(workout, Some.Now);

        Fields(errors, "performedAt", "performedAt");
        Assert.Contains("UTC", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("1 day after now", errors[1].Message, StringComparison.Ordinal);
    }
}
