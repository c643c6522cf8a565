using System.Text.Json.Serialization;

namespace GymCoach.Workers.Storage;

/// <summary>Source-generated JSON for the workers' own stored documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoredProfile))]
[JsonSerializable(typeof(StoredAnalytics))]
public sealed partial class StorageJsonContext : JsonSerializerContext;
