using GymCoach.Contracts.Tests.Support;
using GymCoach.Contracts.Validation;
using static GymCoach.Contracts.Tests.Support.ValidationAssert;

namespace GymCoach.Contracts.Tests.Validation;

public sealed class WorkoutExerciseRulesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void A_workout_may_have_1_to_100_exercises(int count)
    {
        var workout = Some.Workout() with { Exercises = Some.Many(count, i => Some.Exercise($"exercise-{i}")) };

        Assert.Empty(EventValidator.ValidateWorkout(workout, Some.Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_workout_with_no_exercises_or_more_than_100_is_rejected(int count)
    {
        var workout = Some.Workout() with { Exercises = Some.Many(count, i => Some.Exercise($"exercise-{i}")) };

        var errors = EventValidator.ValidateWorkout(workout, Some.Now);

        SingleError(errors, "exercises", $"must contain between 1 and 100 items, had {count}");
    }

    [Fact]
    public void Errors_in_many_places_are_all_reported_at_once_in_document_order()
    {
        var workout = Some.Workout() with
        {
            WorkoutId = "",
            DurationSeconds = -1,
            Exercises =
            [
                Some.Exercise() with { Sets = [Some.Set(), Some.Set(weight: 1001m)] },
                Some.Exercise(),
                Some.Exercise(" ") with { Sets = [Some.Set(reps: 0)] },
            ],
        };

        var errors = EventValidator.ValidateWorkout(workout, Some.Now);

        Fields(errors, "workoutId", "durationSeconds", "exercises[0].sets[1].weight", "exercises[2].exerciseId", "exercises[2].sets[0].reps");
        Assert.Equal("must be between 1 and 1000, was 0", errors[4].Message);
    }
}
