namespace GymCoach.Workers.Storage;

/// <summary>The single-table key layout: every item type, its partition and sort key.</summary>
/// <remarks>
/// A user's items share the partition <c>USER#{userId}</c>: the profile, the analytics and every workout. A workout's
/// identity is (userId, workoutId): its item is written with <c>attribute_not_exists</c>, which tells a new workout from
/// a duplicate (same content stored) or a conflict (other content stored), and another user's ids never collide with it.
/// One user's fold touches only their own partition.
/// </remarks>
public static class TableKeys
{
    public const string WorkoutSortKeyPrefix = "WORKOUT#";
    public const string ProfileSortKey = "PROFILE";
    public const string AnalyticsSortKey = "ANALYTICS";

    public static string UserPartition(string userId) => "USER#" + userId;

    public static string WorkoutSortKey(string workoutId) => WorkoutSortKeyPrefix + workoutId;
}
