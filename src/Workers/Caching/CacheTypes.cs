namespace GymCoach.Workers.Caching;

/// <summary>The kinds of in-process cache, as the <c>CacheType</c> dimension of <c>CacheHits</c> and <c>CacheMisses</c> names them.</summary>
public static class CacheTypes
{
    /// <summary>Users' precomputed analytics documents (5 minutes).</summary>
    public const string Analytics = "analytics";

    /// <summary>Users' profiles as served by the API (5 minutes).</summary>
    public const string Profile = "profile";

    /// <summary>The exercise library document (static, 1 hour).</summary>
    public const string Exercises = "exercises";

    /// <summary>The workout plan templates document (static, 1 hour).</summary>
    public const string Plans = "plans";

    public static IReadOnlyList<string> All { get; } = [Analytics, Profile, Exercises, Plans];
}
