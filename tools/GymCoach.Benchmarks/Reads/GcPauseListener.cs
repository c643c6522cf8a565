using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace GymCoach.Benchmarks.Reads;

/// <summary>Records every garbage collection's pause (execution engine suspended to restarted) from the runtime's own events.</summary>
/// <remarks>
/// GC.GetTotalPauseDuration gives the sum only; the longest pause, and when each happened, is what tells whether the
/// slowest requests waited for a collection. Times are kept as <see cref="Stopwatch"/> timestamps, like the requests'.
/// </remarks>
internal sealed class GcPauseListener : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    // Filled on the runtime's event thread, read after the run. Field initializers run before the base constructor,
    // which may already deliver events.
    private readonly Lock _lock = new();
    private readonly List<GcPause> _pauses = [];
    private readonly long _stopwatchAtStart = Stopwatch.GetTimestamp();
    private readonly DateTime _clockAtStart = DateTime.UtcNow;
    private DateTime? _suspendedAt;

    public IReadOnlyList<GcPause> PausesBetween(long start, long end)
    {
        lock (_lock)
        {
            return [.. _pauses.Where(p => p.End > start && p.Start < end)];
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        switch (eventData.EventName)
        {
            case "GCSuspendEEBegin_V1":
                _suspendedAt = eventData.TimeStamp;
                break;
            case "GCRestartEEEnd_V1" when _suspendedAt is { } suspendedAt:
                lock (_lock)
                {
                    _pauses.Add(new GcPause(ToTimestamp(suspendedAt), ToTimestamp(eventData.TimeStamp)));
                }

                _suspendedAt = null;
                break;
            default:
                break;
        }
    }

    private long ToTimestamp(DateTime time) =>
        _stopwatchAtStart + (long)((time.ToUniversalTime() - _clockAtStart).TotalSeconds * Stopwatch.Frequency);
}

/// <summary>One collection's pause, as <see cref="Stopwatch"/> timestamps.</summary>
internal readonly record struct GcPause(long Start, long End)
{
    public TimeSpan Duration => Stopwatch.GetElapsedTime(Start, End);
}
