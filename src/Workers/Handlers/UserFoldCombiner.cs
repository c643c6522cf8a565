using BitFaster.Caching.Lru;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Handlers;

/// <summary>Runs one fold per user at a time in this process, and lets the chunks waiting for it ride along in the next one.</summary>
/// <remarks>
/// Concurrent chunks (of one invocation, or of concurrent invocations of one process) often name the same users. Left
/// to race, their compare-and-swaps of the analytics item refuse each other and each loser reads again and retries. Here
/// the requests queue per user: whoever gets the user next folds the workouts of every request waiting at that moment
/// in one fold, starting from the analytics item the previous fold wrote, and answers them all. Folds in other processes
/// are still settled by the compare-and-swap. A queue lives only while someone holds or waits for it; the last written
/// analytics item is kept for the most recently folded users, and used only when it is newer than what a chunk read.
/// </remarks>
internal sealed class UserFoldCombiner
{
    /// <summary>Users whose last written analytics item is kept (a few KB each): the users of the chunks in flight, with room to spare.</summary>
    private const int WrittenCapacity = 1_000;

    private readonly Dictionary<string, UserQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentLru<string, StoredItem> _written = new(WrittenCapacity);

    /// <summary>Folds <paramref name="request"/>, alone or with others waiting for the same user.</summary>
    /// <param name="fold">Folds a combined request from a state item; returns the analytics written, or null.</param>
    /// <returns>The analytics written by the fold that ran this call, or null when nothing was written or another call's fold included this request.</returns>
    public async Task<UserAnalytics?> FoldAsync(string userId, UserFoldRequest request, Func<UserFoldRequest, CancellationToken, Task<(UserAnalytics? Analytics, StoredItem? Item)>> fold, CancellationToken cancellationToken)
    {
        var queue = Join(userId, request);
        try
        {
            await queue.Gate.WaitAsync(cancellationToken);
            try
            {
                if (request.Done.Task.IsCompleted)
                {
                    await request.Done.Task; // rethrows the combined fold's failure
                    return null;
                }

                var taken = TakeWaiting(queue);
                var combined = UserFoldRequest.Combine(taken, _written.TryGet(userId, out var written) ? written : null);
                try
                {
                    var (analytics, item) = await fold(combined, cancellationToken);
                    if (item is not null)
                    {
                        _written.AddOrUpdate(userId, item);
                    }

                    foreach (var other in taken)
                    {
                        other.Done.TrySetResult();
                    }

                    return analytics;
                }
                catch (Exception ex)
                {
                    foreach (var other in taken)
                    {
                        other.Done.TrySetException(ex);
                    }

                    throw;
                }
            }
            finally
            {
                queue.Gate.Release();
            }
        }
        finally
        {
            Leave(userId, queue);
        }
    }

    private UserQueue Join(string userId, UserFoldRequest request)
    {
        lock (_queues)
        {
            if (!_queues.TryGetValue(userId, out var queue))
            {
                _queues[userId] = queue = new UserQueue();
            }

            queue.Users++;
            queue.Waiting.Add(request);
            return queue;
        }
    }

    // Under the same lock as Join, which adds to the list.
    private List<UserFoldRequest> TakeWaiting(UserQueue queue)
    {
        lock (_queues)
        {
            var taken = new List<UserFoldRequest>(queue.Waiting);
            queue.Waiting.Clear();
            return taken;
        }
    }

    private void Leave(string userId, UserQueue queue)
    {
        lock (_queues)
        {
            if (--queue.Users == 0)
            {
                _queues.Remove(userId);
            }
        }
    }

    private sealed class UserQueue
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }

        public List<UserFoldRequest> Waiting { get; } = [];
    }
}
