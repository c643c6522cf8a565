using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Storage;

/// <summary>The mark that says a workout is counted in its user's analytics: a small item beside the workout, <c>FOLDED#{workoutId}</c>.</summary>
/// <remarks>
/// A mark is written only for a workout already counted by a committed analytics item, so it is true once written and
/// stays true: it is written without a condition, in batches, and writing it twice changes nothing. Marks are what
/// let a fold skip a workout named again (a redelivered or repeated request) without reading the user's history.
/// </remarks>
public static class FoldMarks
{
    public static ItemKey Key(string userId, string workoutId) => new(TableKeys.UserPartition(userId), TableKeys.FoldMarkSortKey(workoutId));

    public static ItemWrite Write(string userId, string workoutId) => new(new StoredItem
    {
        PartitionKey = TableKeys.UserPartition(userId),
        SortKey = TableKeys.FoldMarkSortKey(workoutId),
        Data = "{}",
    });

    public static string WorkoutId(StoredItem mark) => mark.SortKey[TableKeys.FoldMarkSortKeyPrefix.Length..];
}
