using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Handlers;

/// <summary>What one chunk asks of one user's analytics, as read by that chunk: the analytics item, the named workouts, whether to rebuild.</summary>
internal sealed class UserFoldRequest(bool rebuild, StoredItem? stateItem, IReadOnlyList<StoredItem> named)
{
    public bool Rebuild { get; } = rebuild;

    public StoredItem? StateItem { get; } = stateItem;

    public IReadOnlyList<StoredItem> Named { get; } = named;

    /// <summary>Completed when a fold that included this request has finished (faulted when it failed).</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One request for all of <paramref name="requests"/>: every named workout, a rebuild if any asked, the newest analytics item any saw.</summary>
    public static UserFoldRequest Combine(IReadOnlyList<UserFoldRequest> requests, StoredItem? written)
    {
        var newest = written;
        var named = new List<StoredItem>();
        var rebuild = false;
        foreach (var request in requests)
        {
            rebuild |= request.Rebuild;
            named.AddRange(request.Named);
            if (request.StateItem is { } item && (newest is null || item.Version > newest.Version))
            {
                newest = item;
            }
        }

        return new UserFoldRequest(rebuild, newest, named);
    }
}
