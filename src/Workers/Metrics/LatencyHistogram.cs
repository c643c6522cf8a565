namespace GymCoach.Workers.Metrics;

/// <summary>A lock-free latency histogram with about 2% relative precision and fixed memory, safe to record from many threads.</summary>
/// <remarks>
/// Buckets grow geometrically (×1.02) from 1 µs, so a long-running process records millions of samples in a few
/// kilobytes, and percentiles are read without sorting.
/// </remarks>
public sealed class LatencyHistogram
{
    private const double Growth = 1.02;
    private const int BucketCount = 1200; // 1.02^1200 µs ≈ 2 days: far above any latency worth telling apart.
    private static readonly double LogGrowth = Math.Log(Growth);

    private readonly long[] _counts = new long[BucketCount];
    private long _total;
    private long _maxMicroseconds;

    public long Count => Interlocked.Read(ref _total);

    public TimeSpan Max => TimeSpan.FromMicroseconds(Interlocked.Read(ref _maxMicroseconds));

    public void Record(TimeSpan latency)
    {
        var microseconds = Math.Max(1L, (long)latency.TotalMicroseconds);
        var bucket = Math.Min(BucketCount - 1, (int)(Math.Log(microseconds) / LogGrowth));
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _total);
        var max = Interlocked.Read(ref _maxMicroseconds);
        while (microseconds > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMicroseconds, microseconds, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The latency at or below which <paramref name="percentile"/> percent of samples fall (upper bucket bound), or zero with no samples.</summary>
    public TimeSpan Percentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var total = Count;
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(total * percentile / 100));
        long seen = 0;
        for (var bucket = 0; bucket < BucketCount; bucket++)
        {
            seen += Interlocked.Read(ref _counts[bucket]);
            if (seen >= rank)
            {
                var upper = Math.Pow(Growth, bucket + 1);
                return TimeSpan.FromMicroseconds(Math.Min(upper, Interlocked.Read(ref _maxMicroseconds)));
            }
        }

        return Max;
    }
}
