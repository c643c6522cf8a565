using System.Diagnostics;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>Waits for a condition by polling, up to a generous deadline, instead of sleeping a fixed time.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    public static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(stopwatch.Elapsed < limit, $"The condition did not hold within {limit}.");
            await Task.Delay(Interval);
        }
    }
}
