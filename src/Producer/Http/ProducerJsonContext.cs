using System.Text.Json.Serialization;

namespace GymCoach.Producer.Http;

/// <summary>Source-generated JSON for the HTTP boundary's own documents; event data goes through <c>EventJsonContext</c>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkoutBatchBody))]
[JsonSerializable(typeof(AcceptedEventBody))]
[JsonSerializable(typeof(AcceptedEventsBody))]
[JsonSerializable(typeof(ProducerProblem))]
internal sealed partial class ProducerJsonContext : JsonSerializerContext;
