using System.Text.Json.Serialization;
using GymCoach.Contracts.Events;

namespace GymCoach.Ingest.Api.Writes;

/// <summary>The body of <c>POST /v1/workouts:batch</c>: up to 100 workouts, accepted or rejected together.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record WorkoutBatchRequest
{
    [JsonPropertyName("workouts")]
    public required IReadOnlyList<WorkoutLogged> Workouts { get; init; }
}
