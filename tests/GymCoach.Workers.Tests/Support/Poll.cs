using System.Diagnostics;

namespace GymCoach.Workers.Tests.Support;

/// <summary>Waits for a condition by polling, up to a generous deadline, instead of sleeping a fixed time.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls until <paramref name="condition"/> holds; returns how long that took, or throws when it never did.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(stopwatch.Elapsed < timeout, $"The condition did not hold within {timeout}.");
            await Task.Delay(Interval);
        }

        return stopwatch.Elapsed;
    }
}
