using System.Text.Json.Serialization;

namespace GymCoach.Producer.Http;

/// <summary>The API's 202 answer to a single-event POST.</summary>
internal sealed record AcceptedEventBody([property: JsonPropertyName("eventId")] string EventId);
