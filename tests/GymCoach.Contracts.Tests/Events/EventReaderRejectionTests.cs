using System.Text.Json;
using System.Text.Json.Nodes;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Tests.Support;

namespace GymCoach.Contracts.Tests.Events;

/// <summary>Bodies that can never be processed: each must become an <see cref="InvalidEventException"/>, never a crash.</summary>
public sealed class EventReaderRejectionTests
{
    [Fact]
    public void A_newer_version_of_a_known_event_is_rejected_as_unknown()
    {
        var body = EventBodies.With(EventBodies.Workout, root => root["type"] = "gymcoach.workout.logged.v2");

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadWorkoutLogged(body, Some.Now));

        Assert.Equal("unknown event type 'gymcoach.workout.logged.v2'", exception.Message);
    }

    [Fact]
    public void A_known_event_of_another_type_is_rejected_before_its_data_is_parsed()
    {
        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadWorkoutLogged(EventBodies.Profile, Some.Now));

        Assert.Equal("expected event type 'gymcoach.workout.logged.v1', was 'gymcoach.profile.updated.v1'", exception.Message);
    }

    [Fact]
    public void Malformed_json_is_rejected_with_its_position()
    {
        var body = EventBodies.Recompute.Replace("\"reason\"", "reason", StringComparison.Ordinal);

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadAnalyticsRecompute(body));

        Assert.Contains("LineNumber: 5 | BytePositionInLine:", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
    }

    [Fact]
    public void A_missing_data_field_is_rejected_by_name_with_its_position()
    {
        var body = EventBodies.With(EventBodies.Workout, root => root.Data().Remove("performedAt"));

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadWorkoutLogged(body, Some.Now));

        Assert.Contains("missing required properties including: 'performedAt'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Path: $.data | LineNumber: 0 | BytePositionInLine:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_object_is_rejected_by_name()
    {
        var body = EventBodies.With(EventBodies.Recompute, root => root.Remove("data"));

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadAnalyticsRecompute(body));

        Assert.Contains("missing required properties including: 'data'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_data_field_is_rejected_with_its_path()
    {
        var body = EventBodies.With(EventBodies.Workout, root => root.Data()["exercises"]![0]!["sets"]![0]!["tempo"] = "3-1-1");

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadWorkoutLogged(body, Some.Now));

        Assert.Contains("'tempo' could not be mapped", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Path: $.data.exercises[0].sets[0].tempo", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_json_kind_is_rejected_with_its_path()
    {
        var body = EventBodies.With(EventBodies.Workout, root => root.Data()["exercises"]![1]!["sets"]![0]!["reps"] = "ten");

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadWorkoutLogged(body, Some.Now));

        Assert.Contains("Path: $.data.exercises[1].sets[0].reps", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_unit_name_is_rejected()
    {
        var body = EventBodies.With(EventBodies.Profile, root => root.Data()["unit"] = "stone");

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadProfileUpdated(body));

        Assert.Contains("Path: $.data.unit", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_list_becomes_a_validation_error_not_a_crash()
    {
        var body = EventBodies.With(EventBodies.Workout, root => root.Data()["exercises"] = null);

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadWorkoutLogged(body, Some.Now));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("exercises", error.Field);
        Assert.Equal("must not be null", error.Message);
    }

    [Fact]
    public void Null_data_becomes_a_validation_error()
    {
        var body = EventBodies.With(EventBodies.Profile, root => root["data"] = null);

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadProfileUpdated(body));

        Assert.Equal("data", Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void An_undefined_numeric_unit_becomes_a_validation_error()
    {
        var body = EventBodies.With(EventBodies.Profile, root => root.Data()["unit"] = 7);

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadProfileUpdated(body));

        Assert.Equal("unit", Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Envelope_and_data_errors_are_reported_together_in_a_one_line_summary()
    {
        var body = EventBodies.With(EventBodies.Workout, root =>
        {
            root["specversion"] = "0.3";
            var data = root.Data();
            data["performedAt"] = "2025-03-14T08:30:00+02:00";
            data["exercises"]![0]!["sets"]![1]!["reps"] = 0;
        });

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadWorkoutLogged(body, Some.Now));

        Assert.Equal(["specversion", "performedAt", "exercises[0].sets[1].reps"], exception.Errors.Select(error => error.Field));
        Assert.Equal(
            "gymcoach.workout.logged.v1 event has 3 invalid fields: specversion must be \"1.0\", was \"0.3\"; "
            + "performedAt must be in UTC (offset zero, e.g. 2025-01-31T18:00:00Z), was offset +02:00; "
            + "exercises[0].sets[1].reps must be between 1 and 1000, was 0",
            exception.Message);
    }

    [Theory]
    [InlineData("2025-03-14T08:30:00")]
    [InlineData("2025-03-14")]
    [InlineData("yesterday")]
    public void A_performedAt_without_its_offset_is_rejected_rather_than_read_as_local_time(string performedAt)
    {
        var body = EventBodies.With(EventBodies.Workout, root => root.Data()["performedAt"] = performedAt);

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadWorkoutLogged(body, Some.Now));

        Assert.Contains("must be an ISO-8601 timestamp with its offset", exception.Message, StringComparison.Ordinal);
        Assert.Contains("performedAt", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workout_dated_too_far_ahead_of_now_is_rejected()
    {
        var exception = Assert.Throws<InvalidEventException>(
            () => EventReader.ReadWorkoutLogged(EventBodies.Workout, new DateTimeOffset(2025, 3, 13, 6, 0, 0, TimeSpan.Zero)));

        Assert.Equal("performedAt", Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void A_summary_of_many_errors_lists_the_first_ten_and_counts_the_rest()
    {
        var body = EventBodies.With(EventBodies.Workout, root =>
        {
            var sets = new JsonArray();
            for (var i = 0; i < 25; i++)
            {
                sets.Add(new JsonObject { ["reps"] = 0, ["weight"] = 20 });
            }

            root.Data()["exercises"]![0]!["sets"] = sets;
        });

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadWorkoutLogged(body, Some.Now));

        Assert.Equal(25, exception.Errors.Count);
        Assert.Contains("has 25 invalid fields: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("exercises[0].sets[9].reps", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("exercises[0].sets[10].reps", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("; and 15 more", exception.Message, StringComparison.Ordinal);
    }
}
