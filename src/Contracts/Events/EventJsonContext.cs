using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Events;

/// <summary>Source-generated JSON for the event boundary (SQS bodies and the HTTP API).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CloudEvent<WorkoutLogged>))]
[JsonSerializable(typeof(CloudEvent<ProfileUpdated>))]
[JsonSerializable(typeof(CloudEvent<AnalyticsRecomputeRequested>))]
[JsonSerializable(typeof(WorkoutLogged))]
[JsonSerializable(typeof(ProfileUpdated))]
[JsonSerializable(typeof(AnalyticsRecomputeRequested))]
public sealed partial class EventJsonContext : JsonSerializerContext;
