using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Events;

/// <summary>Data of <c>gymcoach.analytics.recompute.v1</c>: bring one user's analytics up to date with their stored workouts.</summary>
/// <remarks>
/// The analytics worker folds the named workouts that are stored and not yet counted onto the stored analytics; work
/// per request does not grow with the user's history. Reason <see cref="RecomputeReasons.Rebuild"/> instead recomputes
/// from every stored workout: an explicit, rare repair.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AnalyticsRecomputeRequested
{
    /// <summary>The most workout ids one request may name: 500 ids of 128 characters stay far under a queue message's size.</summary>
    public const int MaxWorkoutIds = 500;

    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    /// <summary>Why: <see cref="RecomputeReasons.WorkoutsChanged"/>, <see cref="RecomputeReasons.Rebuild"/>, or a producer's own word (treated as a refresh).</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    /// <summary>The workouts that changed (at most <see cref="MaxWorkoutIds"/>), which the worker counts unless they are counted already; null or empty names none.</summary>
    [JsonPropertyName("workoutIds")]
    public IReadOnlyList<string>? WorkoutIds { get; init; }
}
