using System.Text.Json.Serialization;

namespace GymCoach.Ingest.Api.Writes;

/// <summary>The 202 body of <c>POST /v1/workouts:batch</c>: the CloudEvent ids, in the order of the workouts.</summary>
public sealed record AcceptedEvents([property: JsonPropertyName("eventIds")] IReadOnlyList<string> EventIds);
