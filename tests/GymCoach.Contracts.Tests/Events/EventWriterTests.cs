using GymCoach.Contracts.Events;
using GymCoach.Contracts.Tests.Support;

namespace GymCoach.Contracts.Tests.Events;

public sealed class EventWriterTests
{
    [Fact]
    public void Created_events_carry_spec_version_type_and_content_type()
    {
        var workout = EventWriter.WorkoutLogged(Some.Workout(), "/ingest-api", "evt-1", Some.Now);
        var profile = EventWriter.ProfileUpdated(Some.Profile(), "/ingest-api", "evt-2", Some.Now);
        var recompute = EventWriter.AnalyticsRecompute(Some.Recompute(), "/admin-tool", "evt-3", Some.Now);

        Assert.Equal(
            [("1.0", EventTypes.WorkoutLogged), ("1.0", EventTypes.ProfileUpdated), ("1.0", EventTypes.AnalyticsRecompute)],
            [(workout.SpecVersion, workout.Type), (profile.SpecVersion, profile.Type), (recompute.SpecVersion, recompute.Type)]);
        Assert.All([workout.DataContentType, profile.DataContentType, recompute.DataContentType], type => Assert.Equal("application/json", type));
        Assert.Equal(("evt-1", "/ingest-api", Some.Now), (workout.Id, workout.Source, workout.Time));
        Assert.Equal(("evt-3", "/admin-tool"), (recompute.Id, recompute.Source));
    }

    [Theory]
    [InlineData("", "evt-1")]
    [InlineData(" ", "evt-1")]
    [InlineData("/ingest-api", "")]
    public void Creating_an_event_without_source_or_id_is_an_argument_error(string source, string id)
    {
        Assert.ThrowsAny<ArgumentException>(() => EventWriter.WorkoutLogged(Some.Workout(), source, id, Some.Now));
    }

    [Fact]
    public void A_serialized_workout_uses_cloudevents_and_camel_case_names()
    {
        var json = EventWriter.Serialize(Some.WorkoutEvent());

        Assert.StartsWith(
            """{"specversion":"1.0","id":"evt-0001","source":"/ingest-api","type":"gymcoach.workout.logged.v1","time":"2025-03-14T12:00:00+00:00","datacontenttype":"application/json","data":{"workoutId":"wk-01JPB7Y6K3","userId":"user-42","performedAt":"2025-03-14T06:30:00+00:00","durationSeconds":3900,"unit":"kg","exercises":[{"exerciseId":"back-squat","sets":[{"reps":5,"weight":102.5,"rpe":8}""",
            json,
            StringComparison.Ordinal);
        Assert.Contains("""{"reps":8,"weight":0}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_serialized_workout_reads_back_to_equal_data()
    {
        var original = Some.WorkoutEvent();

        var read = EventReader.ReadWorkoutLogged(EventWriter.Serialize(original), Some.Now);

        Assert.Equal(original with { Data = null! }, read with { Data = null! });
        Assert.Equal(original.Data with { Exercises = [] }, read.Data with { Exercises = [] });
        Assert.Equal(original.Data.Exercises.Select(e => e.ExerciseId), read.Data.Exercises.Select(e => e.ExerciseId));
        Assert.Equal(original.Data.Exercises.SelectMany(e => e.Sets), read.Data.Exercises.SelectMany(e => e.Sets));
    }

    [Fact]
    public void A_serialized_profile_reads_back_to_equal_data()
    {
        var original = Some.ProfileEvent(Some.Profile() with { DisplayName = "Zoë 💪 \"Iron\" <Z>", Unit = WeightUnit.Lb });

        var read = EventReader.ReadProfileUpdated(EventWriter.Serialize(original));

        Assert.Equal(original.Data with { Goals = [] }, read.Data with { Goals = [] });
        Assert.Equal(original.Data.Goals, read.Data.Goals);
        Assert.Equal(original.Time, read.Time);
    }

    [Fact]
    public void A_serialized_recompute_request_reads_back_equal()
    {
        var original = Some.RecomputeEvent();

        Assert.Equal(original, EventReader.ReadAnalyticsRecompute(EventWriter.Serialize(original)));
    }

    [Theory]
    [InlineData("102.5")]
    [InlineData("0")]
    [InlineData("1000")]
    [InlineData("0.01")]
    [InlineData("102.50")]
    [InlineData("999.999999999")]
    public void Weights_round_trip_exactly_including_their_written_form(string weight)
    {
        var value = decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture);
        var original = Some.WorkoutEvent(Some.Workout() with { Exercises = [Some.Exercise() with { Sets = [Some.Set(weight: value)] }] });

        var json = EventWriter.Serialize(original);
        var read = EventReader.ReadWorkoutLogged(json, Some.Now).Data.Exercises[0].Sets[0].Weight;

        Assert.Contains($"\"weight\":{weight},", json, StringComparison.Ordinal);
        Assert.Equal(value, read);
        Assert.Equal(weight, read.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Serializing_does_not_validate_so_producers_must()
    {
        var invalid = Some.RecomputeEvent(Some.Recompute() with { Reason = "" });

        var json = EventWriter.Serialize(invalid);

        Assert.Throws<InvalidEventException>(() => EventReader.ReadAnalyticsRecompute(json));
    }
}
