using System.Text.Json.Serialization;
using GymCoach.Ingest.Api.Health;
using GymCoach.Ingest.Api.Idempotency;
using GymCoach.Ingest.Api.Problems;
using GymCoach.Ingest.Api.Writes;

namespace GymCoach.Ingest.Api;

/// <summary>Source-generated JSON for the HTTP boundary: request and response bodies, problems, idempotency records.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkoutBatchRequest))]
[JsonSerializable(typeof(AcceptedEvent))]
[JsonSerializable(typeof(AcceptedEvents))]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(IdempotencyRecord))]
[JsonSerializable(typeof(ReadinessReport))]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
