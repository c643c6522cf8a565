using System.Diagnostics;

namespace GymCoach.Benchmarks.Reads;

/// <summary>Nearest-rank percentiles of a set of durations.</summary>
internal sealed record Percentiles(TimeSpan P50, TimeSpan P99, TimeSpan P999, TimeSpan Max)
{
    public static Percentiles Of(int count, Func<int, long> stopwatchTicks)
    {
        ArgumentNullException.ThrowIfNull(stopwatchTicks);
        if (count == 0)
        {
            return new Percentiles(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        }

        var sorted = new long[count];
        for (var i = 0; i < count; i++)
        {
            sorted[i] = stopwatchTicks(i);
        }

        Array.Sort(sorted);
        return new Percentiles(At(sorted, 0.50), At(sorted, 0.99), At(sorted, 0.999), Duration(sorted[^1]));
    }

    private static TimeSpan At(long[] sorted, double quantile) =>
        Duration(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)]);

    private static TimeSpan Duration(long ticks) => TimeSpan.FromSeconds((double)ticks / Stopwatch.Frequency);
}
