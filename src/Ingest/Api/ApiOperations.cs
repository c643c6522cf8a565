using GymCoach.Ingest.Api.Security;

namespace GymCoach.Ingest.Api;

/// <summary>The operations an API key can be allowed, as written in <see cref="ApiKeyOptions.Operations"/>.</summary>
/// <remarks>The exercise library and the plan templates are the same for everyone and need a valid key, but no operation.</remarks>
public static class ApiOperations
{
    public const string WorkoutsWrite = "workouts:write";
    public const string ProfilesWrite = "profiles:write";
    public const string AnalyticsRead = "analytics:read";
    public const string AnalyticsRecompute = "analytics:recompute";

    /// <summary>Reading users' profiles: personal data, so not implied by <see cref="AnalyticsRead"/>.</summary>
    public const string ProfilesRead = "profiles:read";

    public static IReadOnlyList<string> All { get; } = [WorkoutsWrite, ProfilesWrite, AnalyticsRead, AnalyticsRecompute, ProfilesRead];

    internal static ApiOperation Parse(string name) => name switch
    {
        WorkoutsWrite => ApiOperation.WorkoutsWrite,
        ProfilesWrite => ApiOperation.ProfilesWrite,
        AnalyticsRead => ApiOperation.AnalyticsRead,
        AnalyticsRecompute => ApiOperation.AnalyticsRecompute,
        ProfilesRead => ApiOperation.ProfilesRead,
        _ => ApiOperation.None,
    };

    internal static string Name(ApiOperation operation) => operation switch
    {
        ApiOperation.WorkoutsWrite => WorkoutsWrite,
        ApiOperation.ProfilesWrite => ProfilesWrite,
        ApiOperation.AnalyticsRead => AnalyticsRead,
        ApiOperation.AnalyticsRecompute => AnalyticsRecompute,
        ApiOperation.ProfilesRead => ProfilesRead,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "not a single operation"),
    };
}
