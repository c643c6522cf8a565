using System.Text.Json.Serialization;

namespace GymCoach.Producer.Http;

/// <summary>The API's 202 answer to <c>POST /v1/workouts:batch</c>: the CloudEvent ids in the order of the workouts.</summary>
internal sealed record AcceptedEventsBody([property: JsonPropertyName("eventIds")] IReadOnlyList<string> EventIds);
