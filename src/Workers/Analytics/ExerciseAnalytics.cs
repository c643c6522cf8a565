using System.Text.Json.Serialization;

namespace GymCoach.Workers.Analytics;

/// <summary>A user's totals and bests for one exercise id, which need not be in the <see cref="ExerciseLibrary"/>.</summary>
public sealed record ExerciseAnalytics
{
    [JsonPropertyName("exerciseId")]
    public required string ExerciseId { get; init; }

    [JsonPropertyName("sets")]
    public required int Sets { get; init; }

    [JsonPropertyName("reps")]
    public required int Reps { get; init; }

    /// <summary>Σ reps × weight in kilograms over the exercise's sets.</summary>
    [JsonPropertyName("volumeKg")]
    public required decimal VolumeKg { get; init; }

    /// <summary>The heaviest weight of any set, in kilograms; 0 when the exercise has no sets.</summary>
    [JsonPropertyName("bestWeightKg")]
    public required decimal BestWeightKg { get; init; }

    /// <summary>The best estimated one-rep max (Epley: weight × (1 + reps / 30); a 1-rep set counts as its weight), in kilograms.</summary>
    [JsonPropertyName("bestEstimated1RmKg")]
    public required decimal BestEstimated1RmKg { get; init; }
}
