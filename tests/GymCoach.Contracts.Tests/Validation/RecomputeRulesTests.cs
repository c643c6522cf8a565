using GymCoach.Contracts.Events;
using GymCoach.Contracts.Tests.Support;
using GymCoach.Contracts.Validation;
using static GymCoach.Contracts.Tests.Support.ValidationAssert;

namespace GymCoach.Contracts.Tests.Validation;

public sealed class RecomputeRulesTests
{
    [Fact]
    public void A_realistic_request_is_valid()
    {
        Assert.Empty(EventValidator.ValidateRecompute(Some.Recompute()));
    }

    [Fact]
    public void A_reason_of_200_characters_is_valid()
    {
        Assert.Empty(EventValidator.ValidateRecompute(Some.Recompute() with { Reason = new string('r', 200) }));
    }

    [Fact]
    public void A_reason_over_200_characters_is_rejected()
    {
        var errors = EventValidator.ValidateRecompute(Some.Recompute() with { Reason = new string('r', 201) });

        SingleError(errors, "reason", "must be at most 200 characters long, was 201");
    }

    [Theory]
    [InlineData("", "must not be empty or whitespace")]
    [InlineData("   ", "must not be empty or whitespace")]
    [InlineData(null, "must not be null")]
    public void A_missing_reason_is_rejected(string? reason, string message)
    {
        SingleError(EventValidator.ValidateRecompute(Some.Recompute() with { Reason = reason! }), "reason", message);
    }

    [Fact]
    public void A_bad_user_id_and_reason_are_both_reported()
    {
        var errors = EventValidator.ValidateRecompute(new AnalyticsRecomputeRequested { UserId = new string('u', 129), Reason = "" });

        Fields(errors, "userId", "reason");
    }

    [Fact]
    public void Named_workout_ids_are_valid()
    {
        Assert.Empty(EventValidator.ValidateRecompute(Some.Recompute() with { WorkoutIds = ["w-1", "w-2"] }));
    }

    [Fact]
    public void Every_bad_workout_id_and_too_many_ids_are_reported()
    {
        var ids = Enumerable.Range(0, 501).Select(i => $"w-{i}").ToList();
        ids[3] = "";
        ids[7] = new string('w', 129);

        var errors = EventValidator.ValidateRecompute(Some.Recompute() with { WorkoutIds = ids });

        Fields(errors, "workoutIds", "workoutIds[3]", "workoutIds[7]");
    }
}
