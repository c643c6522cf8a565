using System.Diagnostics;

namespace GymCoach.TestSupport.Polling;

/// <summary>Waits for a condition by polling, up to a generous deadline, instead of sleeping a fixed time.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls until <paramref name="condition"/> holds; returns how long that took, or fails the test when it never did.</summary>
    /// <param name="timeout">How long to wait; default 30 seconds.</param>
    public static async Task<TimeSpan> UntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(stopwatch.Elapsed < limit, $"The condition did not hold within {limit}.");
            await Task.Delay(Interval);
        }

        return stopwatch.Elapsed;
    }
}
