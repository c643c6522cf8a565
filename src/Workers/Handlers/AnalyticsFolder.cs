using BitFaster.Caching.Lru;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Storage;

namespace GymCoach.Workers.Handlers;

/// <summary>Brings one user's stored analytics up to date: folds the workouts not yet counted, or rebuilds from all of them when asked or when the calculator changed.</summary>
/// <remarks>
/// <para>A fold commits one item: the analytics, replaced under a compare-and-swap on its revision, listing the workouts
/// it added as pending marks. Only then are those workouts marked (<see cref="WorkoutItems.MarkFolded"/>), in batches
/// and without conditions: a mark is written only for a workout a committed revision counts, so it is true once
/// written. A workout is counted when it is marked or pending; before a fold replaces the pending list, it makes sure
/// those are marked (unless this process marked them after its own commit). So the stored analytics always count
/// exactly the marked and pending workouts: a duplicate request, a redelivery, a crash between any two calls or a
/// concurrent fold of the same user cannot count a workout twice or lose one. A refused swap means another fold won:
/// the analytics item and then the workouts are read again, and the fold is retried on top of it.</para>
/// <para>Marks are only trusted when read after the analytics item they are checked against: a fold between the two
/// reads could have counted a workout and marked it meanwhile, and the pending list would then name the wrong fold.</para>
/// <para>Cost per new workout: one read (batched by the caller) and one batched, unconditional mark; per fold, one
/// conditional write of the analytics item. Nothing depends on how many workouts the user stored before, and only the
/// analytics item is written conditionally. A rebuild reads the whole history on purpose, and only counts the marked
/// and pending workouts; the others are then folded as usual.</para>
/// <para>Folds of one user in this process queue behind each other, and the chunks waiting ride along in the next fold
/// (<see cref="UserFoldCombiner"/>): fewer, fuller folds, which do not refuse each other.</para>
/// </remarks>
internal sealed class AnalyticsFolder(IItemStore store, TimeProvider timeProvider)
{
    /// <summary>Refused swaps in a row before the fold gives up for now (its messages are retried later).</summary>
    public const int MaxConflicts = 8;

    /// <summary>Workouts per fold, which bounds the pending marks the analytics item carries.</summary>
    public const int MaxWorkoutsPerFold = 100;

    /// <summary>Users whose pending marks this process has written, with the revision that listed them: enough for the users of the chunks in flight.</summary>
    private const int MarkedRevisionsCapacity = 10_000;

    private readonly UserFoldCombiner _combiner = new();
    private readonly ConcurrentLru<string, long> _markedRevisions = new(MarkedRevisionsCapacity);

    /// <summary>Folds or rebuilds; returns the analytics written, or null when nothing was written by this call.</summary>
    /// <exception cref="FoldConflictException">Concurrent folds of the user won <see cref="MaxConflicts"/> times in a row.</exception>
    public Task<UserAnalytics?> BringUpToDateAsync(string userId, UserFoldRequest request, CancellationToken cancellationToken) =>
        _combiner.FoldAsync(userId, request, (combined, token) => FoldAsync(userId, combined, token), cancellationToken);

    private async Task<(UserAnalytics? Analytics, StoredItem? Item)> FoldAsync(string userId, UserFoldRequest request, CancellationToken cancellationToken)
    {
        UserAnalytics? written = null;
        var (stateItem, rebuild, marksCurrent, conflicts) = (request.StateItem, request.Rebuild, !request.MarksReadBeforeState, 0);
        var unmarked = Distinct(request.Unmarked);
        while (true)
        {
            var state = stateItem is null ? null : AnalyticsItems.ReadState(stateItem);
            if (rebuild || (stateItem is not null && state?.CalculatorVersion != AnalyticsCalculator.Version))
            {
                var rebuilt = await RebuildAsync(userId, stateItem, state?.PendingMarks ?? [], cancellationToken);
                if (rebuilt is null)
                {
                    await BackOffAsync(userId, ++conflicts, cancellationToken);
                    stateItem = await store.GetAsync(TableKeys.UserPartition(userId), TableKeys.AnalyticsSortKey, cancellationToken);
                    continue;
                }

                (stateItem, written, unmarked, rebuild, marksCurrent, conflicts) = (rebuilt.Value.Item, rebuilt.Value.Analytics, rebuilt.Value.Unmarked, false, true, 0);
                continue;
            }

            if (!marksCurrent)
            {
                unmarked = await WithoutMarkedAsync(unmarked, cancellationToken);
                marksCurrent = true;
            }

            var pending = state?.PendingMarks ?? [];
            var uncounted = pending.Count == 0 ? unmarked : unmarked.FindAll(workout => !pending.Contains(WorkoutItems.WorkoutId(workout)));
            if (uncounted.Count == 0 && stateItem is not null)
            {
                return (written, written is null ? null : stateItem);
            }

            if (pending.Count > 0 && !(_markedRevisions.TryGet(userId, out var marked) && marked == stateItem!.Version))
            {
                await MarkPendingAsync(userId, pending, cancellationToken);
            }

            var batch = uncounted.Count <= MaxWorkoutsPerFold ? uncounted : uncounted.GetRange(0, MaxWorkoutsPerFold);
            var current = state?.Analytics ?? AnalyticsCalculator.Compute(userId, [], timeProvider.GetUtcNow());
            var next = AnalyticsCalculator.Fold(current, batch.Select(WorkoutItems.Read), timeProvider.GetUtcNow());
            var write = AnalyticsItems.Replace(next, stateItem?.Version ?? 0, batch.ConvertAll(WorkoutItems.WorkoutId));
            if ((await store.WriteAsync([write], cancellationToken))[0].Written)
            {
                await store.WriteAsync(batch.ConvertAll(WorkoutItems.MarkFolded), cancellationToken);
                _markedRevisions.AddOrUpdate(userId, write.Item.Version);
                (stateItem, written, conflicts) = (write.Item, next, 0);
                unmarked = uncounted.GetRange(batch.Count, uncounted.Count - batch.Count);
                continue;
            }

            // Another fold won: read what it left, the analytics item first and the workouts after it.
            await BackOffAsync(userId, ++conflicts, cancellationToken);
            stateItem = await store.GetAsync(TableKeys.UserPartition(userId), TableKeys.AnalyticsSortKey, cancellationToken);
            marksCurrent = false;
        }
    }

    /// <summary>Recomputes from every workout marked or pending; null when the analytics item changed since <paramref name="stateItem"/> was read.</summary>
    /// <remarks><paramref name="stateItem"/> must have been read before the workouts are: its revision is what the write swaps.</remarks>
    private async Task<(StoredItem Item, UserAnalytics Analytics, List<StoredItem> Unmarked)?> RebuildAsync(
        string userId, StoredItem? stateItem, IReadOnlyList<string> pending, CancellationToken cancellationToken)
    {
        var counted = new List<StoredItem>();
        var unmarked = new List<StoredItem>();
        await foreach (var item in store.QueryAllAsync(TableKeys.UserPartition(userId), TableKeys.WorkoutSortKeyPrefix, cancellationToken, pageSize: TableDefinition.MaxPageSize))
        {
            (WorkoutItems.IsFolded(item) || pending.Contains(WorkoutItems.WorkoutId(item)) ? counted : unmarked).Add(item);
        }

        var analytics = AnalyticsCalculator.Compute(userId, counted.Select(WorkoutItems.Read), timeProvider.GetUtcNow());
        var write = AnalyticsItems.Replace(analytics, stateItem?.Version ?? 0, pending);
        var results = await store.WriteAsync([write], cancellationToken);
        return results[0].Written ? (write.Item, analytics, unmarked) : null;
    }

    /// <summary>The workouts of <paramref name="workouts"/> still unmarked, read again now.</summary>
    private async Task<List<StoredItem>> WithoutMarkedAsync(List<StoredItem> workouts, CancellationToken cancellationToken)
    {
        if (workouts.Count == 0)
        {
            return workouts;
        }

        var reread = await store.GetManyAsync(workouts.ConvertAll(ItemKey.Of), cancellationToken);
        return [.. reread.OfType<StoredItem>().Where(workout => !WorkoutItems.IsFolded(workout))];
    }

    /// <summary>Marks the workouts a committed revision lists as pending, those not marked yet.</summary>
    private async Task MarkPendingAsync(string userId, IReadOnlyList<string> pending, CancellationToken cancellationToken)
    {
        var workouts = await store.GetManyAsync([.. pending.Select(workoutId => WorkoutItems.Key(userId, workoutId))], cancellationToken);
        var marks = workouts.OfType<StoredItem>().Where(workout => !WorkoutItems.IsFolded(workout)).Select(WorkoutItems.MarkFolded).ToList();
        if (marks.Count > 0)
        {
            await store.WriteAsync(marks, cancellationToken);
        }
    }

    private Task BackOffAsync(string userId, int conflicts, CancellationToken cancellationToken)
    {
        if (conflicts >= MaxConflicts)
        {
            throw new FoldConflictException(userId, conflicts);
        }

        // Full jitter, so concurrent folds of one user do not collide again in step.
        return Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 << Math.Min(conflicts, 5))), timeProvider, cancellationToken);
    }

    private static List<StoredItem> Distinct(IEnumerable<StoredItem> workouts)
    {
        var distinct = new List<StoredItem>();
        var seen = new HashSet<ItemKey>();
        foreach (var workout in workouts)
        {
            if (seen.Add(ItemKey.Of(workout)))
            {
                distinct.Add(workout);
            }
        }

        return distinct;
    }
}
