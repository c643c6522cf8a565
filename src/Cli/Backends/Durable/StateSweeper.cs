using GymCoach.Embedded.Queueing;
using GymCoach.Embedded.Storage;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>Keeps a long run's state bounded: drops expired items (idempotency records) and messages past the retention period, in memory and on disk.</summary>
internal sealed class StateSweeper : IAsyncDisposable
{
    /// <summary>How often the sweep runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly StateDatabase _database;
    private readonly EmbeddedItemStore _store;
    private readonly IReadOnlyList<EmbeddedQueue> _queues;
    private readonly TimeSpan _retentionPeriod;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StateSweeper(StateDatabase database, EmbeddedItemStore store, IReadOnlyList<EmbeddedQueue> queues, TimeSpan retentionPeriod, TimeProvider? timeProvider = null)
    {
        _database = database;
        _store = store;
        _queues = queues;
        _retentionPeriod = retentionPeriod;
        _time = timeProvider ?? TimeProvider.System;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>One sweep now: returns the items and messages dropped.</summary>
    public (int Items, int Messages) Sweep()
    {
        var items = _store.RemoveExpired();
        _database.Write(db => db.Run("DELETE FROM items WHERE expires_at_ms <= $now", ("$now", _time.GetUtcNow().ToUnixTimeMilliseconds())));
        var messages = _queues.Sum(queue => queue.RemoveExpired(_retentionPeriod));
        return (items, messages);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    Sweep();
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    // Busy or out of space: nothing is lost by sweeping a minute later.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the process is closing the state.
        }
    }
}
