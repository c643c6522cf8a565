namespace GymCoach.Workers.Metrics;

/// <summary>Turns a cumulative counter into the increase since the previous read; thread-safe.</summary>
public sealed class CounterDelta
{
    private long _last;

    /// <summary>The increase from the last value taken to <paramref name="current"/>; a counter that went back (a new instance) counts from zero.</summary>
    public long Take(long current)
    {
        var last = Interlocked.Exchange(ref _last, current);
        return current >= last ? current - last : current;
    }
}
