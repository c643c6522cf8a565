using System.Text.Json.Serialization;
using GymCoach.Contracts.Storage;

namespace GymCoach.Cli.Backends;

[JsonSerializable(typeof(IReadOnlyList<StoredItem>))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
