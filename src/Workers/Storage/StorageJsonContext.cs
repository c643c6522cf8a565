using System.Text.Json.Serialization;

namespace GymCoach.Workers.Storage;

/// <summary>Source-generated JSON for the workers' own stored documents.</summary>
[JsonSerializable(typeof(WorkoutFingerprint))]
[JsonSerializable(typeof(StoredProfile))]
public sealed partial class StorageJsonContext : JsonSerializerContext;
