using System.Text.Json.Serialization;

namespace GymCoach.Workers.Analytics;

/// <summary>What a user did in one ISO week that has at least one workout.</summary>
public sealed record WeeklyAnalytics
{
    /// <summary>The ISO-8601 week in UTC, for example <c>2026-W47</c> (week-numbering year, so 2024-12-30 is <c>2025-W01</c>).</summary>
    [JsonPropertyName("week")]
    public required string Week { get; init; }

    [JsonPropertyName("workouts")]
    public required int Workouts { get; init; }

    [JsonPropertyName("sets")]
    public required int Sets { get; init; }

    /// <summary>Σ reps × weight in kilograms over the week's sets.</summary>
    [JsonPropertyName("volumeKg")]
    public required decimal VolumeKg { get; init; }
}
