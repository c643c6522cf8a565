using System.Text.Json.Serialization;

namespace GymCoach.Lambda.Runtime;

/// <summary>Source-generated JSON for the runtime API's error documents.</summary>
[JsonSerializable(typeof(RuntimeError))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
