using GymCoach.Contracts.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Storage;

namespace GymCoach.Workers.Handlers;

/// <summary>Brings one user's stored analytics up to date: folds the workouts not yet counted, or rebuilds from all of them when asked or when the calculator changed.</summary>
/// <remarks>
/// <para>A fold is one transaction: the analytics item, replaced under a compare-and-swap on its revision, and a mark on
/// every workout it counts, each conditional on not being marked yet. Either all of it happens or none, so the stored
/// analytics always count exactly the marked workouts: a duplicate request, a redelivery, a crash between any two calls
/// or a concurrent fold of the same user cannot count a workout twice or lose one. When a transaction is refused,
/// another fold won: the state and the workouts are read again and the fold is retried on top of it.</para>
/// <para>Cost: the reads are the analytics item and the named workouts (batched by the caller), the writes one
/// transaction per 99 new workouts; nothing depends on how many workouts the user stored before. A rebuild reads the
/// whole history on purpose, and only counts the marked workouts; the unmarked ones are then folded as usual.</para>
/// <para>Folds of one user in this process queue behind each other, and the chunks waiting ride along in the next fold
/// (<see cref="UserFoldCombiner"/>): fewer, fuller transactions, which do not refuse each other.</para>
/// </remarks>
internal sealed class AnalyticsFolder(IItemStore store, TimeProvider timeProvider)
{
    /// <summary>Refused transactions in a row before the fold gives up for now (its messages are retried later).</summary>
    public const int MaxConflicts = 8;

    /// <summary>Workouts per transaction: the analytics item and 99 marks fill TransactWriteItems' 100.</summary>
    public const int MaxWorkoutsPerFold = IItemStore.MaxAtomicWrites - 1;

    private readonly UserFoldCombiner _combiner = new();

    /// <summary>Folds or rebuilds; returns the analytics written, or null when nothing was written by this call.</summary>
    /// <param name="stateItem">The stored analytics item, read before <paramref name="named"/>; null when there is none.</param>
    /// <param name="named">The requested workouts as stored (missing ones left out); those already marked are skipped.</param>
    /// <exception cref="FoldConflictException">Concurrent folds of the user won <see cref="MaxConflicts"/> times in a row.</exception>
    public Task<UserAnalytics?> BringUpToDateAsync(string userId, bool rebuild, StoredItem? stateItem, IReadOnlyList<StoredItem> named, CancellationToken cancellationToken) =>
        _combiner.FoldAsync(
            userId,
            new UserFoldRequest(rebuild, stateItem, named),
            (request, token) => FoldAsync(userId, request.Rebuild, request.StateItem, request.Named, token),
            cancellationToken);

    private async Task<(UserAnalytics? Analytics, StoredItem? Item)> FoldAsync(string userId, bool rebuild, StoredItem? stateItem, IReadOnlyList<StoredItem> named, CancellationToken cancellationToken)
    {
        UserAnalytics? written = null;
        StoredItem? writtenItem = null;
        var unfolded = Unfolded(named);
        var conflicts = 0;
        while (true)
        {
            var state = stateItem is null ? null : AnalyticsItems.ReadState(stateItem);
            if (rebuild || (stateItem is not null && state?.CalculatorVersion != AnalyticsCalculator.Version))
            {
                var rebuilt = await RebuildAsync(userId, stateItem, cancellationToken);
                if (rebuilt is null)
                {
                    await BackOffAsync(userId, ++conflicts, cancellationToken);
                    stateItem = await store.GetAsync(TableKeys.UserPartition(userId), TableKeys.AnalyticsSortKey, cancellationToken);
                    continue;
                }

                (stateItem, written, unfolded, rebuild, conflicts) = (rebuilt.Value.Item, rebuilt.Value.Analytics, rebuilt.Value.Unfolded, false, 0);
                writtenItem = stateItem;
                continue;
            }

            if (unfolded.Count == 0 && stateItem is not null)
            {
                return (written, writtenItem);
            }

            var batch = unfolded.Count <= MaxWorkoutsPerFold ? unfolded : unfolded.GetRange(0, MaxWorkoutsPerFold);
            var current = state?.Analytics ?? AnalyticsCalculator.Compute(userId, [], timeProvider.GetUtcNow());
            var next = AnalyticsCalculator.Fold(current, batch.Select(WorkoutItems.Read), timeProvider.GetUtcNow());
            var writes = new List<ItemWrite>(batch.Count + 1) { AnalyticsItems.Replace(next, stateItem?.Version ?? 0) };
            writes.AddRange(batch.Select(WorkoutItems.MarkFolded));
            if ((await store.WriteAtomicallyAsync(writes, cancellationToken)).IsCommitted)
            {
                (stateItem, written, conflicts) = (writes[0].Item, next, 0);
                writtenItem = stateItem;
                unfolded = unfolded.GetRange(batch.Count, unfolded.Count - batch.Count);
                continue;
            }

            // Another fold won: read what it left, the analytics item first, as every fold does.
            await BackOffAsync(userId, ++conflicts, cancellationToken);
            var reread = await store.GetManyAsync([AnalyticsItems.Key(userId), .. unfolded.Select(ItemKey.Of)], cancellationToken);
            stateItem = reread[0];
            unfolded = Unfolded(reread.Skip(1).OfType<StoredItem>());
        }
    }

    /// <summary>Recomputes from every workout marked folded; null when the analytics item changed since <paramref name="stateItem"/> was read.</summary>
    /// <remarks><paramref name="stateItem"/> must have been read before the workouts are: its revision is what the write swaps.</remarks>
    private async Task<(StoredItem Item, UserAnalytics Analytics, List<StoredItem> Unfolded)?> RebuildAsync(
        string userId, StoredItem? stateItem, CancellationToken cancellationToken)
    {
        var folded = new List<StoredItem>();
        var unfolded = new List<StoredItem>();
        await foreach (var item in store.QueryAllAsync(TableKeys.UserPartition(userId), TableKeys.WorkoutSortKeyPrefix, cancellationToken, pageSize: TableDefinition.MaxPageSize))
        {
            (WorkoutItems.IsFolded(item) ? folded : unfolded).Add(item);
        }

        var analytics = AnalyticsCalculator.Compute(userId, folded.Select(WorkoutItems.Read), timeProvider.GetUtcNow());
        var write = AnalyticsItems.Replace(analytics, stateItem?.Version ?? 0);
        var results = await store.WriteAsync([write], cancellationToken);
        return results[0].Written ? (write.Item, analytics, unfolded) : null;
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

    private static List<StoredItem> Unfolded(IEnumerable<StoredItem> workouts)
    {
        var unfolded = new List<StoredItem>();
        var seen = new HashSet<ItemKey>();
        foreach (var workout in workouts)
        {
            if (!WorkoutItems.IsFolded(workout) && seen.Add(ItemKey.Of(workout)))
            {
                unfolded.Add(workout);
            }
        }

        return unfolded;
    }
}
