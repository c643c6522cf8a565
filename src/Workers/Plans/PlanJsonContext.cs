using System.Text.Json.Serialization;

namespace GymCoach.Workers.Plans;

/// <summary>Source-generated JSON for the plan files and the served plan library; an unknown member in a file is an error, not a silent typo.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(WorkoutPlan))]
[JsonSerializable(typeof(PlanLibraryDocument))]
public sealed partial class PlanJsonContext : JsonSerializerContext;
