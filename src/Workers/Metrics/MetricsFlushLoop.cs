namespace GymCoach.Workers.Metrics;

/// <summary>Flushes a recorder periodically, for long-running hosts (the HTTP API, <c>gymcoach run</c>), where no invocation ends.</summary>
public static class MetricsFlushLoop
{
    /// <summary>Flushes every <paramref name="interval"/> until <paramref name="cancellationToken"/> is cancelled, then once more.</summary>
    public static async Task RunAsync(
        MetricsRecorder recorder,
        TextWriter output,
        TimeSpan interval,
        CancellationToken cancellationToken,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        using var timer = new PeriodicTimer(interval, timeProvider ?? TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                recorder.Flush(output);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            recorder.Flush(output);
        }
    }
}
