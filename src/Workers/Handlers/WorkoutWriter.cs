using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Storage;

namespace GymCoach.Workers.Handlers;

/// <summary>Stores a chunk's workouts exactly once in effect: the same workout again is a no-op, a different one under a stored id is poison.</summary>
/// <remarks>
/// Two batched store calls per chunk: the fingerprints (conditional, <c>attribute_not_exists</c>), then the workouts
/// themselves (idempotent overwrites). A crash between the two is safe: the redelivery finds its own fingerprint,
/// treats the workout as a duplicate and writes it again.
/// </remarks>
internal sealed class WorkoutWriter(IItemStore store)
{
    private readonly List<PendingWorkout> _pending = [];

    public void Add(SqsMessage message, WorkoutLogged workout)
    {
        var json = JsonSerializer.Serialize(workout, EventJsonContext.Default.WorkoutLogged);
        _pending.Add(new PendingWorkout(message, workout, json, WorkoutFingerprint.Of(workout.UserId, json)));
    }

    /// <summary>Stores the chunk's workouts and records each stored workout's user in <paramref name="affectedUsers"/>.</summary>
    public async Task SaveAsync(ChunkCompletion completion, RecomputeRequests affectedUsers, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var groups = GroupByContent();
        var fingerprintWrites = new ItemWrite[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            fingerprintWrites[i] = new ItemWrite(FingerprintItem(groups[i].First), WriteCondition.IfNotExists);
        }

        var results = await store.WriteAsync(fingerprintWrites, cancellationToken);
        var accepted = new List<WorkoutGroup>(groups.Count);
        var workoutWrites = new List<ItemWrite>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            if (results[i].Written || SameFingerprint(results[i].Existing, group.First.Fingerprint))
            {
                accepted.Add(group);
                workoutWrites.Add(new ItemWrite(WorkoutItem(group.First)));
                continue;
            }

            var conflict = Conflict(group.First.Workout.WorkoutId);
            foreach (var message in group.Messages)
            {
                completion.Fail(message, conflict);
            }
        }

        await store.WriteAsync(workoutWrites, cancellationToken);
        foreach (var group in accepted)
        {
            foreach (var message in group.Messages)
            {
                affectedUsers.Add(group.First.Workout.UserId, message);
            }
        }
    }

    /// <summary>One group per distinct content of a workout id: identical repeats share a write, different contents each get one.</summary>
    /// <remarks>
    /// Which of two different contents is the conflict depends on what is stored, not on chunk order: the store applies
    /// the fingerprint writes in order, so at most one content per id is accepted and the others see it.
    /// </remarks>
    private List<WorkoutGroup> GroupByContent()
    {
        var groups = new List<WorkoutGroup>(_pending.Count);
        var byContent = new Dictionary<(string WorkoutId, string Sha256), WorkoutGroup>(_pending.Count);
        foreach (var pending in _pending)
        {
            var key = (pending.Workout.WorkoutId, pending.Fingerprint.Sha256);
            if (byContent.TryGetValue(key, out var group))
            {
                group.Messages.Add(pending.Message);
            }
            else
            {
                group = new WorkoutGroup(pending, [pending.Message]);
                byContent.Add(key, group);
                groups.Add(group);
            }
        }

        return groups;
    }

    private static PoisonMessageException Conflict(string workoutId) =>
        new($"conflict: workout '{workoutId}' is already stored with different content");

    private static bool SameFingerprint(StoredItem? existing, WorkoutFingerprint fingerprint) =>
        existing is not null
        && JsonSerializer.Deserialize(existing.Data, StorageJsonContext.Default.WorkoutFingerprint) == fingerprint;

    private static StoredItem FingerprintItem(PendingWorkout workout) => new()
    {
        PartitionKey = TableKeys.WorkoutIdPartition(workout.Workout.WorkoutId),
        SortKey = TableKeys.FingerprintSortKey,
        Data = JsonSerializer.Serialize(workout.Fingerprint, StorageJsonContext.Default.WorkoutFingerprint),
    };

    private static StoredItem WorkoutItem(PendingWorkout workout) => new()
    {
        PartitionKey = TableKeys.UserPartition(workout.Workout.UserId),
        SortKey = TableKeys.WorkoutSortKey(workout.Workout.WorkoutId),
        Data = workout.Json,
    };

    private sealed record PendingWorkout(SqsMessage Message, WorkoutLogged Workout, string Json, WorkoutFingerprint Fingerprint);

    private sealed record WorkoutGroup(PendingWorkout First, List<SqsMessage> Messages);
}
