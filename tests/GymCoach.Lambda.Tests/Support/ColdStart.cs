using System.Diagnostics;
using System.Globalization;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>One cold start: process start to first response posted, and the peak resident set size by then.</summary>
internal sealed record ColdStart(double Milliseconds, long PeakMemoryKib)
{
    /// <summary>Measures <paramref name="process"/> up to <paramref name="firstResponse"/>, posted to the runtime API it was started with.</summary>
    public static ColdStart Of(BootstrapProcess process, RuntimePost firstResponse) =>
        new(Stopwatch.GetElapsedTime(process.StartedAt, firstResponse.Timestamp).TotalMilliseconds, process.PeakMemoryKib());

    public static double Median(IReadOnlyList<ColdStart> measurements, Func<ColdStart, double> value)
    {
        var sorted = measurements.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>A line for the test output: median and each run's cold start, median peak memory.</summary>
    public static string Summary(string name, IReadOnlyList<ColdStart> measurements) => string.Create(
        CultureInfo.InvariantCulture,
        $"{name}: cold start median {Median(measurements, m => m.Milliseconds):F0} ms " +
        $"({string.Join(", ", measurements.Select(m => m.Milliseconds.ToString("F0", CultureInfo.InvariantCulture)))}), " +
        $"peak RSS median {Median(measurements, m => m.PeakMemoryKib) / 1024:F1} MiB");
}
