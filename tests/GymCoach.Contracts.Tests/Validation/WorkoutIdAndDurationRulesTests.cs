using GymCoach.Contracts.Events;
using GymCoach.Contracts.Tests.Support;
using GymCoach.Contracts.Validation;
using static GymCoach.Contracts.Tests.Support.ValidationAssert;

namespace GymCoach.Contracts.Tests.Validation;

public sealed class WorkoutIdAndDurationRulesTests
{
    [Fact]
    public void A_realistic_workout_is_valid()
    {
        Assert.Empty(EventValidator.ValidateWorkout(Some.Workout(), Some.Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    public void Blank_ids_are_rejected_with_their_paths(string blank)
    {
        var workout = Some.Workout() with
        {
            WorkoutId = blank,
            UserId = blank,
            Exercises = [Some.Exercise(), Some.Exercise(blank)],
        };

        var errors = EventValidator.ValidateWorkout(workout, Some.Now);

        Fields(errors, "workoutId", "userId", "exercises[1].exerciseId");
        Assert.All(errors, error => Assert.Equal("must not be empty or whitespace", error.Message));
    }

    [Fact]
    public void Ids_of_128_characters_are_accepted()
    {
        var id = new string('a', 128);
        var workout = Some.Workout() with { WorkoutId = id, UserId = id, Exercises = [Some.Exercise(id)] };

        Assert.Empty(EventValidator.ValidateWorkout(workout, Some.Now));
    }

    [Fact]
    public void Ids_of_129_characters_are_rejected_with_their_length()
    {
        var id = new string('a', 129);
        var workout = Some.Workout() with { WorkoutId = id, UserId = id, Exercises = [Some.Exercise(id)] };

        var errors = EventValidator.ValidateWorkout(workout, Some.Now);

        Fields(errors, "workoutId", "userId", "exercises[0].exerciseId");
        Assert.All(errors, error => Assert.Equal("must be at most 128 characters long, was 129", error.Message));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3_900)]
    [InlineData(86_400)]
    public void Durations_from_0_to_86400_seconds_are_valid(int seconds)
    {
        Assert.Empty(EventValidator.ValidateWorkout(Some.Workout() with { DurationSeconds = seconds }, Some.Now));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(86_401)]
    [InlineData(int.MaxValue)]
    public void Durations_outside_0_to_86400_seconds_are_rejected(int seconds)
    {
        var errors = EventValidator.ValidateWorkout(Some.Workout() with { DurationSeconds = seconds }, Some.Now);

        SingleError(errors, "durationSeconds", $"must be between 0 and 86400, was {seconds}");
    }

    [Theory]
    [InlineData(WeightUnit.Kg)]
    [InlineData(WeightUnit.Lb)]
    public void Kilograms_and_pounds_are_valid_units(WeightUnit unit)
    {
        Assert.Empty(EventValidator.ValidateWorkout(Some.Workout() with { Unit = unit }, Some.Now));
    }

    [Fact]
    public void An_undefined_unit_is_rejected()
    {
        var errors = EventValidator.ValidateWorkout(Some.Workout() with { Unit = (WeightUnit)7 }, Some.Now);

        SingleError(errors, "unit", "must be \"kg\" or \"lb\", was 7");
    }
}
