using GymCoach.Contracts.Events;
using GymCoach.Contracts.Tests.Support;

namespace GymCoach.Contracts.Tests.Events;

public sealed class EventReaderHappyPathTests
{
    [Fact]
    public void A_workout_event_is_read_with_envelope_and_every_field()
    {
        var cloudEvent = EventReader.ReadWorkoutLogged(EventBodies.Workout, Some.Now);

        Assert.Equal("1.0", cloudEvent.SpecVersion);
        Assert.Equal("evt-0001", cloudEvent.Id);
        Assert.Equal("/ingest-api", cloudEvent.Source);
        Assert.Equal(EventTypes.WorkoutLogged, cloudEvent.Type);
        Assert.Equal(Some.Now, cloudEvent.Time);
        Assert.Equal("application/json", cloudEvent.DataContentType);

        var workout = cloudEvent.Data;
        Assert.Equal("wk-01JPB7Y6K3", workout.WorkoutId);
        Assert.Equal("user-42", workout.UserId);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 6, 30, 0, TimeSpan.Zero), workout.PerformedAt);
        Assert.Equal(3900, workout.DurationSeconds);
        Assert.Equal(WeightUnit.Kg, workout.Unit);
        Assert.Equal(["back-squat", "pull-up"], workout.Exercises.Select(exercise => exercise.ExerciseId));
        Assert.Equal(
            [new SetEntry { Reps = 5, Weight = 102.5m, Rpe = 8m }, new SetEntry { Reps = 3, Weight = 110m, Rpe = null }],
            workout.Exercises[0].Sets);
        Assert.Equal(new SetEntry { Reps = 10, Weight = 0m, Rpe = 9.5m }, Assert.Single(workout.Exercises[1].Sets));
    }

    [Fact]
    public void A_profile_event_is_read()
    {
        var cloudEvent = EventReader.ReadProfileUpdated(EventBodies.Profile);

        Assert.Equal(EventTypes.ProfileUpdated, cloudEvent.Type);
        Assert.Equal("user-42", cloudEvent.Data.UserId);
        Assert.Equal("Ada L.", cloudEvent.Data.DisplayName);
        Assert.Equal(151.2m, cloudEvent.Data.Bodyweight);
        Assert.Equal(WeightUnit.Lb, cloudEvent.Data.Unit);
        Assert.Equal(["squat 140 kg"], cloudEvent.Data.Goals);
    }

    [Fact]
    public void A_recompute_event_without_time_or_content_type_is_read()
    {
        var cloudEvent = EventReader.ReadAnalyticsRecompute(EventBodies.Recompute);

        Assert.Equal(EventTypes.AnalyticsRecompute, cloudEvent.Type);
        Assert.Null(cloudEvent.Time);
        Assert.Null(cloudEvent.DataContentType);
        Assert.Equal(Some.Recompute(), cloudEvent.Data);
    }

    [Fact]
    public void Extension_attributes_on_the_envelope_are_allowed()
    {
        var body = EventBodies.With(EventBodies.Recompute, root =>
        {
            root["correlationid"] = "c-7";
            root["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        });

        Assert.Equal("user-42", EventReader.ReadAnalyticsRecompute(body).Data.UserId);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_ignored()
    {
        Assert.Equal("user-42", EventReader.ReadProfileUpdated('\uFEFF' + EventBodies.Profile).Data.UserId);
    }
}
