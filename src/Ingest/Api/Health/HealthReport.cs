using System.Text.Json.Serialization;

namespace GymCoach.Ingest.Api.Health;

/// <summary>The body of <c>GET /health</c>: the process is up and serving.</summary>
public sealed record HealthReport([property: JsonPropertyName("status")] string Status);
