using System.Text.Json.Serialization;

namespace GymCoach.Ingest.Api.Writes;

/// <summary>The 202 body of a single-event POST: the id of the CloudEvent now in the queue.</summary>
public sealed record AcceptedEvent([property: JsonPropertyName("eventId")] string EventId);
