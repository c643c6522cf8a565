namespace GymCoach.Workers.Storage;

/// <summary>The single-table key layout: every item type, its partition and sort key.</summary>
/// <remarks>
/// A user's items share the partition <c>USER#{userId}</c>, so a recompute reads all of a user's workouts with one
/// strongly consistent query. Workout ids are unique across users: a small fingerprint item under
/// <c>WORKOUTID#{workoutId}</c> is written first with <c>attribute_not_exists</c>, which is what detects a duplicate
/// (same fingerprint) or a conflict (different fingerprint) without a transaction.
/// </remarks>
public static class TableKeys
{
    public const string WorkoutSortKeyPrefix = "WORKOUT#";
    public const string ProfileSortKey = "PROFILE";
    public const string AnalyticsSortKey = "ANALYTICS";
    public const string FingerprintSortKey = "FINGERPRINT";

    public static string UserPartition(string userId) => "USER#" + userId;

    public static string WorkoutSortKey(string workoutId) => WorkoutSortKeyPrefix + workoutId;

    public static string WorkoutIdPartition(string workoutId) => "WORKOUTID#" + workoutId;
}
