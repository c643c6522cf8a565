using System.Text.Json.Serialization;
using GymCoach.Ingest.Api;

namespace GymCoach.Cli.Hosting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(List<ApiKeyOptions>))]
internal sealed partial class ApiKeysJsonContext : JsonSerializerContext;
