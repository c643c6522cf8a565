namespace GymCoach.Workers.Batching;

/// <summary>Admits one invocation's chunks while fewer than the limiter's current limit of them are running.</summary>
/// <remarks>
/// A lowered limit stops nothing that runs: new chunks wait until enough have left. A waiter is only ever woken by a
/// chunk of the same invocation leaving, and there is one whenever something waits (the limit is at least 1), so no
/// waiter is forgotten; a raised limit is taken up at the next leave. Slots are handed over inside the lock, so a
/// chunk arriving meanwhile cannot overtake the waiters.
/// </remarks>
internal sealed class ChunkGate(ChunkConcurrencyLimiter limiter)
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _waiters = new();
    private int _running;

    /// <summary>Completes once the caller may start a chunk; pair with <see cref="Leave"/>.</summary>
    public Task EnterAsync()
    {
        lock (_lock)
        {
            if (_waiters.Count == 0 && _running < limiter.Limit)
            {
                _running++;
                return Task.CompletedTask;
            }

            // Continuations run asynchronously: a waiter's chunk must not run inside Leave, under the lock.
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            return waiter.Task;
        }
    }

    public void Leave()
    {
        lock (_lock)
        {
            _running--;
            while (_waiters.Count > 0 && _running < limiter.Limit)
            {
                _running++;
                _waiters.Dequeue().SetResult();
            }
        }
    }
}
