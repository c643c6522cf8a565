using System.Text.Json.Serialization;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Storage;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>Source-generated JSON for the embedded backend's state files of versions before the state database: the store's items and the queues' messages by queue name.</summary>
[JsonSerializable(typeof(IReadOnlyList<StoredItem>))]
[JsonSerializable(typeof(Dictionary<string, IReadOnlyList<OutgoingMessage>>))]
internal sealed partial class LegacyStateJsonContext : JsonSerializerContext;
