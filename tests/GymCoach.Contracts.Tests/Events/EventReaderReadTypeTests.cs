using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Tests.Support;

namespace GymCoach.Contracts.Tests.Events;

public sealed class EventReaderReadTypeTests
{
    [Theory]
    [InlineData(EventBodies.Workout, EventTypes.WorkoutLogged)]
    [InlineData(EventBodies.Profile, EventTypes.ProfileUpdated)]
    [InlineData(EventBodies.Recompute, EventTypes.AnalyticsRecompute)]
    public void The_type_of_each_known_event_is_returned(string body, string type)
    {
        Assert.Equal(type, EventReader.ReadType(body));
    }

    [Fact]
    public void The_type_is_found_after_data_and_a_nested_type_is_not_mistaken_for_it()
    {
        const string body = """{"data":{"type":"gymcoach.workout.logged.v1","x":[{"type":1}]},"type":"gymcoach.profile.updated.v1"}""";

        Assert.Equal(EventTypes.ProfileUpdated, EventReader.ReadType(body));
    }

    [Fact]
    public void A_leading_byte_order_mark_is_ignored()
    {
        Assert.Equal(EventTypes.WorkoutLogged, EventReader.ReadType('\uFEFF' + EventBodies.Workout));
    }

    [Theory]
    [InlineData("gymcoach.workout.logged.v2")]
    [InlineData("gymcoach.workout.deleted.v1")]
    [InlineData("")]
    public void An_unknown_type_or_version_is_rejected_by_name(string type)
    {
        var body = EventBodies.With(EventBodies.Workout, root => root["type"] = type);

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadType(body));

        Assert.Equal($"unknown event type '{type}'", exception.Message);
    }

    [Fact]
    public void A_body_without_a_type_is_rejected()
    {
        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadType("""{"specversion":"1.0","data":{"type":"x"}}"""));

        Assert.Equal("event has no 'type'", exception.Message);
    }

    [Theory]
    [InlineData("""{"type":42}""", "Number")]
    [InlineData("""{"type":null}""", "Null")]
    [InlineData("""{"type":["gymcoach.workout.logged.v1"]}""", "StartArray")]
    public void A_type_that_is_not_a_string_is_rejected(string body, string kind)
    {
        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadType(body));

        Assert.Equal($"event 'type' must be a string, was {kind}", exception.Message);
    }

    [Fact]
    public void Two_types_are_rejected_because_reader_and_parser_could_disagree()
    {
        const string body = """{"type":"gymcoach.workout.logged.v1","type":"gymcoach.profile.updated.v1"}""";

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadType(body));

        Assert.Equal("event has more than one 'type'", exception.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"gymcoach.workout.logged.v1\"")]
    [InlineData("null")]
    public void A_body_that_is_not_an_object_is_rejected(string body)
    {
        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadType(body));

        Assert.StartsWith("event must be a JSON object", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_rejected_with_its_position_even_after_the_type()
    {
        const string body = "{\"type\":\"gymcoach.workout.logged.v1\",\n \"data\": {\"userId\": \"u\",, }}";

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadType(body));

        Assert.StartsWith("invalid event JSON: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 1 | BytePositionInLine: 24", exception.Message, StringComparison.Ordinal);
        var inner = Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.Equal(1, inner.LineNumber);
        Assert.Empty(exception.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void An_empty_body_is_rejected(string? body)
    {
        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadType(body!));

        Assert.Equal("event body is empty", exception.Message);
    }

    [Fact]
    public void A_whitespace_body_is_rejected_as_invalid_json()
    {
        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadType("  \n "));

        Assert.StartsWith("invalid event JSON: ", exception.Message, StringComparison.Ordinal);
    }
}
