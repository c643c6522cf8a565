using System.Text.Json.Serialization;

namespace GymCoach.Ingest.Api.Health;

/// <summary>The body of <c>GET /ready</c>: overall <c>ready</c>/<c>unready</c>, and <c>ok</c>, <c>timeout</c> or <c>unreachable</c> per dependency.</summary>
public sealed record ReadinessReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("store")] string Store);
