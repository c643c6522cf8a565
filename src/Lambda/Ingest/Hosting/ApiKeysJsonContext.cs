using System.Text.Json.Serialization;
using GymCoach.Ingest.Api;

namespace GymCoach.Ingest.Lambda.Hosting;

/// <summary>The key list of <c>GYMCOACH_API_KEYS</c>: the same shape as <c>gymcoach run --keys FILE</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(List<ApiKeyOptions>))]
internal sealed partial class ApiKeysJsonContext : JsonSerializerContext;
