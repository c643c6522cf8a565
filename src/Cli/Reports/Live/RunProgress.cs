using System.Globalization;
using GymCoach.Cli.Terminal;

namespace GymCoach.Cli.Reports.Live;

/// <summary>The live progress line of <c>gymcoach run</c>: processed, failed, DLQ and rate from the sampler's newest sample.</summary>
internal static class RunProgress
{
    /// <summary>Updates <paramref name="line"/> once a second until <paramref name="cancellationToken"/> is cancelled (then throws <see cref="OperationCanceledException"/>).</summary>
    public static async Task FollowAsync(PipelineSampler sampler, ProgressLine line, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PipelineSampler.Interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (sampler.Latest is { } latest)
            {
                line.Update(Describe(sampler.Snapshot().Summary, latest));
            }
        }
    }

    public static string Describe(PipelineSummary summary, PipelineSample latest) => string.Create(
        CultureInfo.InvariantCulture,
        $"processed {summary.WritesProcessed:N0} | recomputes {summary.RecomputesProcessed:N0} | failed {summary.Failed:N0} | DLQ {latest.DeadLetters:N0} | queued {latest.WritesQueueDepth + latest.AnalyticsQueueDepth:N0} | {latest.WritesPerSecond:N0} msg/s");
}
