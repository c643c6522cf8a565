using System.Diagnostics;
using System.Globalization;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Hosting;
using GymCoach.Cli.Terminal;

namespace GymCoach.Cli.Demo;

/// <summary>Follows a demo run: shows produced, processed, failed, retried and dead-lettered messages with rate and ETA, and tells when the pipeline has drained.</summary>
internal sealed class DemoProgress(int expectedMessages, LocalPipeline pipeline, IBackend backend, ProgressLine line)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private long _produced;

    public void Produced(int count) => Interlocked.Add(ref _produced, count);

    /// <summary>Waits until both queues are empty (nothing visible, in flight or delayed) and no batch is being processed.</summary>
    /// <returns>The <paramref name="clock"/>'s reading when the pipeline was first seen drained (the confirming check comes a poll later).</returns>
    public async Task<TimeSpan> WaitUntilDrainedAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        var quietChecks = 0;
        var drainedAt = TimeSpan.Zero;
        while (quietChecks < 2)
        {
            await Task.Delay(PollInterval, cancellationToken);
            var writes = await backend.WritesQueue.GetCountsAsync(cancellationToken);
            var analytics = await backend.AnalyticsQueue.GetCountsAsync(cancellationToken);
            var deadLetters = (await backend.WritesDeadLetterQueue.GetCountsAsync(cancellationToken)).Total
                + (await backend.AnalyticsDeadLetterQueue.GetCountsAsync(cancellationToken)).Total;
            var now = clock.Elapsed;
            line.Update(Describe(now, writes.Total + analytics.Total, deadLetters));
            quietChecks = writes.Total == 0 && analytics.Total == 0 && pipeline.IsIdle ? quietChecks + 1 : 0;
            drainedAt = quietChecks == 1 ? now : drainedAt;
        }

        line.Update(Describe(clock.Elapsed, 0, 0), force: true);
        return drainedAt;
    }

    private string Describe(TimeSpan elapsed, long queued, long deadLetters)
    {
        var writes = pipeline.WritesRunner.Stats;
        var analytics = pipeline.AnalyticsRunner.Stats;
        var processed = writes.MessagesDeleted;
        var rate = elapsed.TotalSeconds > 0 ? processed / elapsed.TotalSeconds : 0;
        var remaining = Math.Max(0, expectedMessages - processed);
        var eta = rate > 0 && remaining > 0 ? TimeSpan.FromSeconds(remaining / rate).ToString(@"m\:ss", CultureInfo.InvariantCulture) : "-";
        var percent = expectedMessages == 0 ? 100 : Math.Min(100, processed * 100 / expectedMessages);
        var dlq = deadLetters > 0 ? $" | DLQ {deadLetters:N0}" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{Bar(percent)}] {percent,3}% | produced {Interlocked.Read(ref _produced):N0} | processed {processed:N0} | failed {writes.MessagesReportedFailed + analytics.MessagesReportedFailed:N0} | retried {writes.Redeliveries + analytics.Redeliveries:N0}{dlq} | recomputes {analytics.MessagesDeleted:N0} | queued {queued:N0} | {rate:N0} msg/s | ETA {eta}");
    }

    private static string Bar(long percent)
    {
        const int width = 20;
        var filled = (int)(percent * width / 100);
        return new string('#', filled) + new string('.', width - filled);
    }
}
