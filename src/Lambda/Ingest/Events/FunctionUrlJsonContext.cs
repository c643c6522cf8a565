using System.Text.Json.Serialization;

namespace GymCoach.Ingest.Lambda.Events;

/// <summary>The function URL wire boundary: events in (names matched case-insensitively, as Lambda's serializer does), responses out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FunctionUrlRequest))]
[JsonSerializable(typeof(FunctionUrlResponse))]
internal sealed partial class FunctionUrlJsonContext : JsonSerializerContext;
