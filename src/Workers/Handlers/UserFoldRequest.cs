using GymCoach.Contracts.Storage;
using GymCoach.Workers.Storage;

namespace GymCoach.Workers.Handlers;

/// <summary>What one chunk asks of one user's analytics, as read by that chunk: the analytics item, the named workouts not yet marked counted, whether to rebuild.</summary>
/// <param name="unmarked">The named workouts not marked counted when read, which was after <paramref name="stateItem"/> was read.</param>
internal sealed class UserFoldRequest(bool rebuild, StoredItem? stateItem, IReadOnlyList<StoredItem> unmarked, bool marksReadBeforeState = false)
{
    public bool Rebuild { get; } = rebuild;

    public StoredItem? StateItem { get; } = stateItem;

    public IReadOnlyList<StoredItem> Unmarked { get; } = unmarked;

    /// <summary>
    /// Whether some workouts were read before <see cref="StateItem"/> was: then a workout that a fold between the two
    /// counted may look unmarked without being in the state's pending marks, and it must be read again before folding.
    /// </summary>
    public bool MarksReadBeforeState { get; } = marksReadBeforeState;

    /// <summary>Completed when a fold that included this request has finished (faulted when it failed).</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One request for all of <paramref name="requests"/>: every named workout, a rebuild if any asked, the newest analytics item any saw.</summary>
    /// <remarks>
    /// A request that read the analytics item one revision before the newest needs no second read of its workouts: what
    /// was counted since its read is the pending list of the revision it read (counted by that revision, perhaps not
    /// marked when read) and of the newest one (which the fold skips anyway); older counts were marked before it read.
    /// Further behind, it is read again.
    /// </remarks>
    public static UserFoldRequest Combine(IReadOnlyList<UserFoldRequest> requests, StoredItem? written)
    {
        var newest = written;
        var rebuild = false;
        foreach (var request in requests)
        {
            rebuild |= request.Rebuild;
            if (request.StateItem is { } item && (newest is null || item.Version > newest.Version))
            {
                newest = item;
            }
        }

        var newestRevision = newest?.Version ?? 0;
        var unmarked = new List<StoredItem>();
        var stale = false;
        foreach (var request in requests)
        {
            var behind = newestRevision - (request.StateItem?.Version ?? 0);
            stale |= request.MarksReadBeforeState || behind > 1;
            if (behind == 1 && request.StateItem is { } read && AnalyticsItems.ReadState(read)?.PendingMarks is { Count: > 0 } counted)
            {
                unmarked.AddRange(request.Unmarked.Where(workout => !counted.Contains(WorkoutItems.WorkoutId(workout))));
            }
            else
            {
                unmarked.AddRange(request.Unmarked);
            }
        }

        return new UserFoldRequest(rebuild, newest, unmarked, stale);
    }
}
