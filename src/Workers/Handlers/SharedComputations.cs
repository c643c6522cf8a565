using System.Collections.Concurrent;
using System.Diagnostics;

namespace GymCoach.Workers.Handlers;

/// <summary>Lets concurrent chunks share one computation per key, when that computation is recent enough for them.</summary>
/// <remarks>
/// A chunk may join a computation only if it started after the chunk began: the chunk's messages were received
/// before that, and the data they ask about was stored before they were sent, so a computation started later reads
/// all of it. Older computations are not joined; a new one replaces them.
/// </remarks>
internal sealed class SharedComputations<T>
{
    private readonly ConcurrentDictionary<string, Computation> _running = new(StringComparer.Ordinal);

    /// <summary>Joins or starts the computation of <paramref name="key"/>.</summary>
    /// <param name="notBefore">A <see cref="Stopwatch"/> timestamp: only a computation started at or after it is joined.</param>
    public Task<T> RunAsync(string key, long notBefore, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = _running.GetValueOrDefault(key);
            if (existing is not null && existing.StartedAt >= notBefore)
            {
                return existing.Result.Task.WaitAsync(cancellationToken);
            }

            var mine = new Computation(Stopwatch.GetTimestamp());
            var claimed = existing is null ? _running.TryAdd(key, mine) : _running.TryUpdate(key, mine, existing);
            if (claimed)
            {
                return RunOwnAsync(key, mine, compute, cancellationToken);
            }
        }
    }

    private async Task<T> RunOwnAsync(string key, Computation mine, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        try
        {
            var result = await compute(cancellationToken);
            mine.Result.TrySetResult(result);
            return result;
        }
        catch (Exception ex)
        {
            // Joiners see the same failure and fail their own messages for a retry.
            mine.Result.TrySetException(ex);
            throw;
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<string, Computation>(key, mine));
        }
    }

    private sealed class Computation(long startedAt)
    {
        public long StartedAt { get; } = startedAt;

        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
