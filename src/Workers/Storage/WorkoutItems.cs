using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Storage;

/// <summary>A stored workout item: its key, its first write, and the mark that says it is counted in the user's analytics.</summary>
/// <remarks>
/// A workout is stored once under <c>USER#{userId}</c>/<c>WORKOUT#{workoutId}</c> with version <see cref="Stored"/>
/// (<c>attribute_not_exists</c>, so a duplicate writes nothing and a conflict is seen). After an analytics item that
/// counts it has committed, it is rewritten as it was read with version <see cref="Folded"/>: its mark. The mark needs
/// no condition, because it is written only for a workout a committed revision counts (true once written, and writing
/// it twice changes nothing) and a stored workout's content never changes. See <see cref="StoredAnalytics.PendingMarks"/>.
/// </remarks>
public static class WorkoutItems
{
    /// <summary>Stored, not yet counted in the analytics.</summary>
    public const long Stored = 0;

    /// <summary>Counted in the analytics.</summary>
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

    /// <summary>The mark, written once an analytics item that counts <paramref name="item"/> has committed.</summary>
    public static ItemWrite MarkFolded(StoredItem item) => new(item with { Version = Folded });
}
