using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Storage;

namespace GymCoach.Workers.Handlers;

/// <summary>Stores a chunk's workouts exactly once in effect: the same workout again is a no-op, other content under a stored id is poison.</summary>
/// <remarks>
/// One batched store call per chunk, one conditional write per distinct workout (<c>attribute_not_exists</c> on its
/// (userId, workoutId) key): a new workout is written, a duplicate is refused with the stored item, which tells a
/// repeat (same content) from a conflict (other content) without a read. Nothing else is written, so a crash after the
/// call is safe: the redelivery finds its own workout stored and treats it as the repeat it is.
/// </remarks>
internal sealed class WorkoutWriter(IItemStore store)
{
    private readonly List<PendingWorkout> _pending = [];

    public void Add(SqsMessage message, WorkoutLogged workout) =>
        _pending.Add(new PendingWorkout(message, workout, WorkoutItems.Serialize(workout)));

    /// <summary>Stores the chunk's workouts and records each stored or repeated workout, with its messages, in <paramref name="affectedUsers"/>.</summary>
    /// <remarks>Repeats are recorded too: the first delivery may have stored the workout and stopped before asking for its fold.</remarks>
    public async Task SaveAsync(ChunkCompletion completion, RecomputeRequests affectedUsers, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var groups = GroupByContent();
        var writes = new ItemWrite[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            writes[i] = WorkoutItems.Store(groups[i].First.Workout, groups[i].First.Json);
        }

        var results = await store.WriteAsync(writes, cancellationToken);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var workout = group.First.Workout;
            if (results[i].Written || string.Equals(results[i].Existing?.Data, group.First.Json, StringComparison.Ordinal))
            {
                foreach (var message in group.Messages)
                {
                    affectedUsers.AddWorkout(workout.UserId, workout.WorkoutId, message);
                }

                continue;
            }

            var conflict = new PoisonMessageException($"conflict: workout '{workout.WorkoutId}' of this user is already stored with different content");
            foreach (var message in group.Messages)
            {
                completion.Fail(message, conflict);
            }
        }
    }

    /// <summary>One group per distinct content of a (user, workout id): identical repeats share a write, different contents each get one.</summary>
    /// <remarks>
    /// Which of two different contents is the conflict depends on what is stored, not on chunk order: the store applies
    /// writes to one key in list order, so at most one content per key is accepted and the others see it.
    /// </remarks>
    private List<WorkoutGroup> GroupByContent()
    {
        var groups = new List<WorkoutGroup>(_pending.Count);
        var byContent = new Dictionary<(string UserId, string WorkoutId, string Json), WorkoutGroup>(_pending.Count);
        foreach (var pending in _pending)
        {
            var key = (pending.Workout.UserId, pending.Workout.WorkoutId, pending.Json);
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

    private sealed record PendingWorkout(SqsMessage Message, WorkoutLogged Workout, string Json);

    private sealed record WorkoutGroup(PendingWorkout First, List<SqsMessage> Messages);
}
