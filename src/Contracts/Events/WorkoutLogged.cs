using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Events;

/// <summary>Data of <c>gymcoach.workout.logged.v1</c>: one finished workout. Immutable once stored.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record WorkoutLogged
{
    [JsonPropertyName("workoutId")]
    public required string WorkoutId { get; init; }

    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    /// <summary>When the workout was performed, ISO-8601 in UTC.</summary>
    [JsonPropertyName("performedAt")]
    [JsonConverter(typeof(ExplicitOffsetTimestampConverter))]
    public required DateTimeOffset PerformedAt { get; init; }

    [JsonPropertyName("durationSeconds")]
    public required int DurationSeconds { get; init; }

    [JsonPropertyName("unit")]
    public required WeightUnit Unit { get; init; }

    [JsonPropertyName("exercises")]
    public required IReadOnlyList<ExerciseEntry> Exercises { get; init; }
}

/// <summary>One exercise of a workout and the sets done of it.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ExerciseEntry
{
    [JsonPropertyName("exerciseId")]
    public required string ExerciseId { get; init; }

    [JsonPropertyName("sets")]
    public required IReadOnlyList<SetEntry> Sets { get; init; }
}

/// <summary>One set: repetitions at a weight in the workout's unit, with an optional rate of perceived exertion.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SetEntry
{
    [JsonPropertyName("reps")]
    public required int Reps { get; init; }

    [JsonPropertyName("weight")]
    public required decimal Weight { get; init; }

    [JsonPropertyName("rpe")]
    public decimal? Rpe { get; init; }
}
