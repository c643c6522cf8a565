using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Lambda;

/// <summary>Source-generated JSON for the Lambda SQS wire boundary, matching names case-insensitively like the Lambda serializer.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
public sealed partial class LambdaJsonContext : JsonSerializerContext;
