using System.Text.Json.Serialization;

namespace GymCoach.Cli.Reports.Live;

/// <summary>The dashboard's wire format. The default encoder escapes <c>&lt;</c>, so the JSON can sit inside a <c>&lt;script&gt;</c> element.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PipelineSnapshot))]
internal sealed partial class LiveJsonContext : JsonSerializerContext;
