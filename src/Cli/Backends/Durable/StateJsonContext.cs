using System.Text.Json.Serialization;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>The JSON kept in the state database: a message's string attributes.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
