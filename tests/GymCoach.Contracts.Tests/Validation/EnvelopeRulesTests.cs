using GymCoach.Contracts.Tests.Support;
using GymCoach.Contracts.Validation;
using static GymCoach.Contracts.Tests.Support.ValidationAssert;

namespace GymCoach.Contracts.Tests.Validation;

public sealed class EnvelopeRulesTests
{
    [Fact]
    public void Events_made_by_the_writer_are_valid()
    {
        Assert.Empty(EventValidator.ValidateEnvelope(Some.WorkoutEvent()));
        Assert.Empty(EventValidator.ValidateEnvelope(Some.ProfileEvent()));
        Assert.Empty(EventValidator.ValidateEnvelope(Some.RecomputeEvent()));
    }

    [Fact]
    public void Time_and_data_content_type_are_optional()
    {
        var cloudEvent = Some.RecomputeEvent() with { Time = null, DataContentType = null };

        Assert.Empty(EventValidator.ValidateEnvelope(cloudEvent));
    }

    [Theory]
    [InlineData("0.3")]
    [InlineData("1")]
    [InlineData("")]
    public void A_spec_version_other_than_1_0_is_rejected(string specVersion)
    {
        var errors = EventValidator.ValidateEnvelope(Some.WorkoutEvent() with { SpecVersion = specVersion });

        SingleError(errors, "specversion", $"must be \"1.0\", was \"{specVersion}\"");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void A_blank_id_or_source_is_rejected(string blank)
    {
        var errors = EventValidator.ValidateEnvelope(Some.WorkoutEvent() with { Id = blank, Source = blank });

        Fields(errors, "id", "source");
        Assert.All(errors, error => Assert.Equal("must not be empty or whitespace", error.Message));
    }

    [Theory]
    [InlineData("gymcoach.workout.logged.v2")]
    [InlineData("gymcoach.workout.logged")]
    [InlineData("GYMCOACH.WORKOUT.LOGGED.V1")]
    public void An_unknown_type_or_version_is_rejected(string type)
    {
        var errors = EventValidator.ValidateEnvelope(Some.WorkoutEvent() with { Type = type });

        SingleError(errors, "type", $"is not a known event type: \"{type}\"");
    }

    [Fact]
    public void A_long_unknown_type_is_shortened_in_the_message()
    {
        var errors = EventValidator.ValidateEnvelope(Some.WorkoutEvent() with { Type = new string('t', 10_000) });

        Assert.True(Assert.Single(errors).Message.Length < 200);
    }

    [Fact]
    public void Null_attributes_and_null_data_are_all_reported()
    {
        var cloudEvent = Some.WorkoutEvent() with { SpecVersion = null!, Id = null!, Source = null!, Type = null!, Data = null! };

        var errors = EventValidator.ValidateEnvelope(cloudEvent);

        Fields(errors, "specversion", "id", "source", "type", "data");
        Assert.All(errors, error => Assert.Equal("must not be null", error.Message));
    }
}
