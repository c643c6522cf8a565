using System.Text.Json.Serialization;

namespace GymCoach.Workers.ReadSide;

/// <summary>Source-generated JSON for the documents the read API serves besides analytics: profiles and the exercise library.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProfileDocument))]
[JsonSerializable(typeof(ExerciseLibraryDocument))]
public sealed partial class ReadSideJsonContext : JsonSerializerContext;
