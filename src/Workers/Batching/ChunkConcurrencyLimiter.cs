using Serilog;

namespace GymCoach.Workers.Batching;

/// <summary>How many chunks a <see cref="BatchProcessor"/> runs at once: lowered when the downstream throttles, raised again when it does not (AIMD).</summary>
/// <remarks>
/// <para>
/// Each chunk is one sample: the limiter reads the cumulative throttle count of everything the chunks call (the
/// DynamoDB store, the queues they send to) when the chunk starts and when it ends. A chunk during which the count
/// rose halves the limit (multiplicative decrease, floor 1); once as many chunks in a row as the limit allows have
/// succeeded without throttling, the limit grows by one (additive increase, up to <see cref="MaxLimit"/>).
/// </para>
/// <para>
/// A chunk that started before the last decrease is ignored: it ran at the old concurrency, and letting the chunks of
/// one congested moment each halve the limit would drop it to 1 at once (TCP cuts its window once per round trip for
/// the same reason). No clock is involved: the limit moves at the pace chunks finish.
/// </para>
/// <para>
/// One limiter per processor, shared by its invocations (in Lambda, one at a time; locally, several): the limit
/// applies to each invocation's chunks and survives from one invocation to the next, so a warm function starts
/// where the last one left off. Thread-safe.
/// </para>
/// </remarks>
public sealed class ChunkConcurrencyLimiter
{
    private readonly Lock _lock = new();
    private readonly Func<long>? _throttleCount;
    private readonly ILogger _logger;
    private int _limit;
    private long _decreases;
    private int _cleanChunks;

    /// <param name="maxLimit">The limit without throttling: <see cref="BatchProcessorOptions.MaxConcurrentChunks"/>.</param>
    /// <param name="throttleCount">
    /// Reads the cumulative number of throttling answers the chunks' downstream services gave; null when nothing
    /// throttles (the limit then stays at <paramref name="maxLimit"/>). Called twice per chunk; must be quick and thread-safe.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLimit"/> is below 1.</exception>
    public ChunkConcurrencyLimiter(int maxLimit, Func<long>? throttleCount = null, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLimit, 1);
        MaxLimit = maxLimit;
        _limit = maxLimit;
        _throttleCount = throttleCount;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<ChunkConcurrencyLimiter>();
    }

    /// <summary>The most chunks an invocation may run at once now; between 1 and <see cref="MaxLimit"/>.</summary>
    public int Limit => Volatile.Read(ref _limit);

    /// <summary>The limit when nothing throttles.</summary>
    public int MaxLimit { get; }

    /// <summary>How many times throttling lowered the limit so far.</summary>
    public long Decreases => Interlocked.Read(ref _decreases);

    /// <summary>Taken when a chunk starts, handed back to <see cref="End"/> when it ends.</summary>
    internal ChunkSample Begin() => new(ReadThrottles(), Decreases);

    /// <summary>Adjusts the limit by what the chunk saw; <paramref name="succeeded"/> when every message of it started and none is retried.</summary>
    internal void End(ChunkSample sample, bool succeeded)
    {
        var throttled = ReadThrottles() != sample.Throttles;
        int previous;
        int limit;
        lock (_lock)
        {
            if (sample.Decreases != _decreases)
            {
                return;
            }

            previous = _limit;
            if (throttled)
            {
                _cleanChunks = 0;
                if (previous == 1)
                {
                    return;
                }

                limit = previous / 2;
                _decreases++;
            }
            else if (!succeeded || previous == MaxLimit || ++_cleanChunks < previous)
            {
                return;
            }
            else
            {
                _cleanChunks = 0;
                limit = previous + 1;
            }

            Volatile.Write(ref _limit, limit);
        }

        if (limit < previous)
        {
            _logger.Warning("Throttled: chunk concurrency lowered to {ConcurrencyLimit}", limit);
        }
        else
        {
            _logger.Information("No throttling: chunk concurrency raised to {ConcurrencyLimit}", limit);
        }
    }

    private long ReadThrottles() => _throttleCount?.Invoke() ?? 0;
}
