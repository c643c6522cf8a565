using GymCoach.Contracts.Events;
using GymCoach.Contracts.Tests.Support;
using GymCoach.Contracts.Validation;

namespace GymCoach.Contracts.Tests.Validation;

/// <summary>Ids are letters, marks, digits, punctuation, symbols and plain spaces, at most 128 code points; nothing that hides or moves text.</summary>
public sealed class IdAlphabetRulesTests
{
    [Theory]
    [InlineData("a\u0000b", "U+0000", 2)]
    [InlineData("a\nb", "U+000A", 2)]
    [InlineData("a\u001B[2Jb", "U+001B", 2)]
    [InlineData("a\u007Fb", "U+007F", 2)]
    [InlineData("a\u202Eb", "U+202E", 2)]
    [InlineData("ab\u202A", "U+202A", 3)]
    [InlineData("a\u2066b", "U+2066", 2)]
    [InlineData("a\u2069b", "U+2069", 2)]
    [InlineData("a\u200Eb", "U+200E", 2)]
    [InlineData("a\u200Fb", "U+200F", 2)]
    [InlineData("a\u061Cb", "U+061C", 2)]
    [InlineData("user-1\u200B", "U+200B", 7)]
    [InlineData("a\u200Cb", "U+200C", 2)]
    [InlineData("a\u200Db", "U+200D", 2)]
    [InlineData("a\u2060b", "U+2060", 2)]
    [InlineData("\uFEFFuser", "U+FEFF", 1)]
    [InlineData("a\u00ADb", "U+00AD", 2)]
    [InlineData("a\u0378b", "U+0378", 2)]
    [InlineData("a\uE000b", "U+E000", 2)]
    [InlineData("a\u2028b", "U+2028", 2)]
    public void An_id_with_a_hidden_or_control_character_is_rejected_naming_the_character_and_its_position(string id, string codePoint, int position)
    {
        var workout = Some.Workout() with { UserId = id, WorkoutId = id, Exercises = [Some.Exercise(id)] };

        var errors = EventValidator.ValidateWorkout(workout, Some.Now);

        Assert.Equal(["workoutId", "userId", "exercises[0].exerciseId"], errors.Select(e => e.Field));
        Assert.All(errors, error =>
        {
            Assert.Contains(codePoint, error.Message, StringComparison.Ordinal);
            Assert.Contains($"at position {position}", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(id, error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_lone_surrogate_is_rejected_at_its_code_point_position()
    {
        // Built at run time: an attribute argument stores strings as UTF-8, which turns a lone surrogate into U+FFFD.
        var high = string.Concat("a", ((char)0xD800).ToString(), "b");
        var low = string.Concat("😀", ((char)0xDC00).ToString());

        var highError = Assert.Single(EventValidator.ValidateId("userId", high));
        var lowError = Assert.Single(EventValidator.ValidateId("userId", low));

        Assert.Contains("U+D800 (a lone surrogate, not a character) at position 2", highError.Message, StringComparison.Ordinal);
        Assert.Contains("U+DC00 (a lone surrogate, not a character) at position 2", lowError.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user-42")]
    [InlineData("wk_01JPB7Y6K3.v2:a/b@c+d")]
    [InlineData("Zoë Ünïcødé")]
    [InlineData("山田太郎")]
    [InlineData("😀 family")]
    public void Ordinary_ids_in_any_script_are_accepted(string id)
    {
        Assert.Empty(EventValidator.ValidateWorkout(Some.Workout() with { UserId = id }, Some.Now));
    }

    [Fact]
    public void Length_counts_code_points_so_128_emoji_are_accepted_and_129_are_not()
    {
        var fits = string.Concat(Enumerable.Repeat("😀", 128));
        var over = fits + "😀";

        Assert.Empty(EventValidator.ValidateId("userId", fits));
        var error = Assert.Single(EventValidator.ValidateId("userId", over));
        Assert.Equal("must be at most 128 characters long, was 129", error.Message);
    }

    [Fact]
    public void Recompute_workout_ids_follow_the_same_alphabet()
    {
        var request = Some.Recompute() with { WorkoutIds = ["ok", "bad\u202E"] };

        var error = Assert.Single(EventValidator.ValidateRecompute(request));

        Assert.Equal("workoutIds[1]", error.Field);
        Assert.Contains("U+202E", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_message_with_such_an_id_is_poison_with_a_reason_sqs_accepts_as_an_attribute()
    {
        var body = EventBodies.With(EventBodies.Workout, root => root.Data()["userId"] = "a\u001B[2J\u202Eb");

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadWorkoutLogged(body, Some.Now));

        Assert.Contains("userId", exception.Message, StringComparison.Ordinal);
        Assert.Contains("U+001B", exception.Message, StringComparison.Ordinal);
        Assert.True(SqsAttributeText.IsValid(exception.Message), exception.Message);
    }

    [Fact]
    public void Producer_text_echoed_in_a_reason_is_escaped()
    {
        var body = EventBodies.With(EventBodies.Workout, root => root["specversion"] = "1.0\u001B[2J\u202E");

        var exception = Assert.Throws<InvalidEventException>(() => EventReader.ReadWorkoutLogged(body, Some.Now));

        Assert.Contains("\\u001B[2J\\u202E", exception.Message, StringComparison.Ordinal);
        Assert.True(SqsAttributeText.IsValid(exception.Message), exception.Message);
    }
}
