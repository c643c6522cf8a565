using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Handlers;

/// <summary>What one chunk asks of one user's analytics, as read by that chunk: the analytics item, the named workouts not yet marked counted, whether to rebuild.</summary>
/// <param name="unmarked">The named workouts whose fold marks were missing when read, which was after <paramref name="stateItem"/> was read.</param>
internal sealed class UserFoldRequest(bool rebuild, StoredItem? stateItem, IReadOnlyList<StoredItem> unmarked, bool marksReadBeforeState = false)
{
    public bool Rebuild { get; } = rebuild;

    public StoredItem? StateItem { get; } = stateItem;

    public IReadOnlyList<StoredItem> Unmarked { get; } = unmarked;

    /// <summary>
    /// Whether some marks were read before <see cref="StateItem"/> was: then a workout that a fold between the two counted
    /// may look unmarked without being in the state's pending marks, and the marks must be read again before folding.
    /// </summary>
    public bool MarksReadBeforeState { get; } = marksReadBeforeState;

    /// <summary>Completed when a fold that included this request has finished (faulted when it failed).</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One request for all of <paramref name="requests"/>: every named workout, a rebuild if any asked, the newest analytics item any saw.</summary>
    public static UserFoldRequest Combine(IReadOnlyList<UserFoldRequest> requests, StoredItem? written)
    {
        var newest = written;
        var unmarked = new List<StoredItem>();
        var rebuild = false;
        foreach (var request in requests)
        {
            rebuild |= request.Rebuild;
            unmarked.AddRange(request.Unmarked);
            if (request.StateItem is { } item && (newest is null || item.Version > newest.Version))
            {
                newest = item;
            }
        }

        var newestRevision = newest?.Version ?? 0;
        var stale = requests.Any(request => request.MarksReadBeforeState || (request.StateItem?.Version ?? 0) != newestRevision);
        return new UserFoldRequest(rebuild, newest, unmarked, stale);
    }
}
