using GymCoach.Contracts.Tests.Support;
using GymCoach.Contracts.Validation;
using static GymCoach.Contracts.Tests.Support.ValidationAssert;

namespace GymCoach.Contracts.Tests.Validation;

/// <summary>JSON can carry null into members the records declare non-nullable; that is a validation error, not a crash.</summary>
public sealed class WorkoutNullRulesTests
{
    [Fact]
    public void Null_ids_are_reported()
    {
        var workout = Some.Workout() with { WorkoutId = null!, UserId = null!, Exercises = [Some.Exercise(null!)] };

        var errors = EventValidator.ValidateWorkout(workout, Some.Now);

        Fields(errors, "workoutId", "userId", "exercises[0].exerciseId");
        Assert.All(errors, error => Assert.Equal("must not be null", error.Message));
    }

    [Fact]
    public void A_null_exercise_list_is_reported()
    {
        var errors = EventValidator.ValidateWorkout(Some.Workout() with { Exercises = null! }, Some.Now);

        SingleError(errors, "exercises", "must not be null");
    }

    [Fact]
    public void A_null_exercise_in_the_list_is_reported_and_the_others_still_checked()
    {
        var workout = Some.Workout() with { Exercises = [null!, Some.Exercise() with { Sets = [Some.Set(reps: 0)] }] };

        Fields(EventValidator.ValidateWorkout(workout, Some.Now), "exercises[0]", "exercises[1].sets[0].reps");
    }

    [Fact]
    public void A_null_set_list_and_a_null_set_are_reported()
    {
        var workout = Some.Workout() with
        {
            Exercises = [Some.Exercise() with { Sets = null! }, Some.Exercise() with { Sets = [Some.Set(), null!] }],
        };

        Fields(EventValidator.ValidateWorkout(workout, Some.Now), "exercises[0].sets", "exercises[1].sets[1]");
    }
}
