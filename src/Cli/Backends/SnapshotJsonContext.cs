using System.Text.Json.Serialization;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;

namespace GymCoach.Cli.Backends;

/// <summary>Source-generated JSON for the embedded backend's saved state: the store's items and the queues' messages by queue name.</summary>
[JsonSerializable(typeof(IReadOnlyList<StoredItem>))]
[JsonSerializable(typeof(Dictionary<string, IReadOnlyList<OutgoingMessage>>))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
