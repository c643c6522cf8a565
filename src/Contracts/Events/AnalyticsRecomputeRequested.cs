using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Events;

/// <summary>Data of <c>gymcoach.analytics.recompute.v1</c>: recompute one user's analytics from the stored workouts.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AnalyticsRecomputeRequested
{
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }
}
