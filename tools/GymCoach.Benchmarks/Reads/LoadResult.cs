using System.Diagnostics;

namespace GymCoach.Benchmarks.Reads;

/// <summary>Each request's scheduled start, send and end, as <see cref="Stopwatch"/> timestamps, and how many failed.</summary>
internal sealed class LoadResult(int count)
{
    private readonly long[] _scheduled = new long[count];
    private readonly long[] _sent = new long[count];
    private readonly long[] _ended = new long[count];
    private int _failures;

    public int Count => count;

    public int Failures => Volatile.Read(ref _failures);

    /// <summary>When the timeline started.</summary>
    public long Started { get; set; }

    /// <summary>When the last answer came.</summary>
    public long Finished { get; set; }

    public void Record(int index, long scheduled, long sent, long ended, bool ok)
    {
        _scheduled[index] = scheduled;
        _sent[index] = sent;
        _ended[index] = ended;
        if (!ok)
        {
            Interlocked.Increment(ref _failures);
        }
    }

    /// <summary>From the scheduled start to the end of the answer: what a user waits, queueing included.</summary>
    public Percentiles Latency() => Percentiles.Of(count, i => _ended[i] - _scheduled[i]);

    /// <summary>From the scheduled start to the send: the load generator's own delay, part of <see cref="Latency"/>.</summary>
    public Percentiles SendLag() => Percentiles.Of(count, i => _sent[i] - _scheduled[i]);

    /// <summary>The requests slower than <paramref name="threshold"/>, as (scheduled, ended) timestamps.</summary>
    public IEnumerable<(long Scheduled, long Ended)> SlowerThan(TimeSpan threshold)
    {
        var ticks = (long)(threshold.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < count; i++)
        {
            if (_ended[i] - _scheduled[i] > ticks)
            {
                yield return (_scheduled[i], _ended[i]);
            }
        }
    }
}
