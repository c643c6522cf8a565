using System.Text.Json.Serialization;

namespace GymCoach.Workers.Analytics;

/// <summary>Source-generated JSON for the analytics document, as stored, cached and served.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AnalyticsDocument))]
public sealed partial class AnalyticsJsonContext : JsonSerializerContext;
