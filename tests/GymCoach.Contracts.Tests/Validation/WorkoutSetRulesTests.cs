using GymCoach.Contracts.Events;
using GymCoach.Contracts.Tests.Support;
using GymCoach.Contracts.Validation;
using static GymCoach.Contracts.Tests.Support.ValidationAssert;

namespace GymCoach.Contracts.Tests.Validation;

public sealed class WorkoutSetRulesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(1000)]
    public void Reps_from_1_to_1000_are_valid(int reps)
    {
        Assert.Empty(Validate(Some.Set(reps: reps)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1001)]
    public void Reps_outside_1_to_1000_are_rejected(int reps)
    {
        SingleError(Validate(Some.Set(reps: reps)), "exercises[0].sets[0].reps", $"must be between 1 and 1000, was {reps}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(102.5)]
    [InlineData(1000)]
    public void Weights_from_0_to_1000_are_valid(double weight)
    {
        Assert.Empty(Validate(Some.Set(weight: (decimal)weight)));
    }

    [Theory]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1000.25, "1000.25")]
    public void Weights_outside_0_to_1000_are_rejected(double weight, string shown)
    {
        SingleError(Validate(Some.Set(weight: (decimal)weight)), "exercises[0].sets[0].weight", $"must be between 0 and 1000, was {shown}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1.0)]
    [InlineData(7.5)]
    [InlineData(10.0)]
    public void Rpe_is_optional_and_valid_from_1_to_10(double? rpe)
    {
        Assert.Empty(Validate(Some.Set(rpe: (decimal?)rpe)));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(0.5, "0.5")]
    [InlineData(10.5, "10.5")]
    public void Rpe_outside_1_to_10_is_rejected(double rpe, string shown)
    {
        SingleError(Validate(Some.Set(rpe: (decimal)rpe)), "exercises[0].sets[0].rpe", $"must be between 1 and 10, was {shown}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public void An_exercise_may_have_1_to_50_sets(int count)
    {
        Assert.Empty(Validate(Some.Many(count, _ => Some.Set())));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void An_exercise_with_no_sets_or_more_than_50_is_rejected(int count)
    {
        SingleError(Validate(Some.Many(count, _ => Some.Set())), "exercises[0].sets", $"must contain between 1 and 50 items, had {count}");
    }

    [Fact]
    public void Every_broken_set_rule_is_reported_with_its_own_path()
    {
        var errors = Validate(Some.Set(), Some.Set(reps: 0, weight: -1m, rpe: 11m), Some.Set(), Some.Set(reps: 2000));

        Fields(errors, "exercises[0].sets[1].reps", "exercises[0].sets[1].weight", "exercises[0].sets[1].rpe", "exercises[0].sets[3].reps");
    }

    private static IReadOnlyList<ValidationError> Validate(params SetEntry[] sets)
    {
        var workout = Some.Workout() with { Exercises = [Some.Exercise() with { Sets = sets }] };
        return EventValidator.ValidateWorkout(workout, Some.Now);
    }
}
