using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Storage;

/// <summary>A stored workout item: its key, its first and only write, and how it is read back.</summary>
/// <remarks>
/// A workout is stored once under <c>USER#{userId}</c>/<c>WORKOUT#{workoutId}</c> with version <see cref="Stored"/> and
/// never rewritten: whether it is counted in the analytics is its <see cref="FoldMarks">fold mark</see>. Items of the
/// earlier scheme, which marked the workout itself in the fold's transaction, carry version <see cref="Folded"/>, and
/// are counted as marked.
/// </remarks>
public static class WorkoutItems
{
    /// <summary>Stored, not yet counted in the analytics.</summary>
    public const long Stored = 0;

    /// <summary>Counted in the analytics, marked so by the earlier scheme.</summary>
    public const long Folded = 1;

    public static ItemKey Key(string userId, string workoutId) => new(TableKeys.UserPartition(userId), TableKeys.WorkoutSortKey(workoutId));

    /// <summary>The workout's canonical JSON: what is stored, and what a re-post is compared with.</summary>
    public static string Serialize(WorkoutLogged workout) => JsonSerializer.Serialize(workout, EventJsonContext.Default.WorkoutLogged);

    /// <exception cref="InvalidDataException">The item does not hold a workout.</exception>
    public static WorkoutLogged Read(StoredItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return JsonSerializer.Deserialize(item.Data, EventJsonContext.Default.WorkoutLogged)
            ?? throw new InvalidDataException($"stored workout {item.SortKey} is null");
    }

    /// <summary>Marked counted on the item itself (the earlier scheme); see <see cref="FoldMarks"/> for the current one.</summary>
    public static bool IsFolded(StoredItem item) => item.Version >= Folded;

    public static string WorkoutId(StoredItem item) => item.SortKey[TableKeys.WorkoutSortKeyPrefix.Length..];

    /// <summary>The first write of a workout: only where no workout has its key, so a duplicate writes nothing and a conflict is seen.</summary>
    public static ItemWrite Store(WorkoutLogged workout, string json) => new(
        new StoredItem
        {
            PartitionKey = TableKeys.UserPartition(workout.UserId),
            SortKey = TableKeys.WorkoutSortKey(workout.WorkoutId),
            Data = json,
            Version = Stored,
        },
        WriteCondition.IfNotExists);
}
