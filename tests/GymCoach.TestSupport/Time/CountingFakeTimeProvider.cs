using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace GymCoach.TestSupport.Time;

/// <summary>A <see cref="FakeTimeProvider"/> that also counts its armed timers, so a test can wait until the code under test waits on the clock.</summary>
/// <remarks>
/// Advancing the clock before the code has started its timer would start that timer from the later time, and it would
/// never fire: <see cref="WaitForArmedTimersAsync"/> closes that race. A timer is armed from a <c>Change</c> with a
/// finite due time until it fires (one-shot), is stopped, or is disposed.
/// </remarks>
public sealed class CountingFakeTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan UnsignedInfinite = TimeSpan.FromMilliseconds(uint.MaxValue);
    private readonly Lock _lock = new();
    private readonly HashSet<CountedTimer> _armed = [];

    public CountingFakeTimeProvider()
    {
    }

    public CountingFakeTimeProvider(DateTimeOffset startDateTime)
        : base(startDateTime)
    {
    }

    /// <summary>Timers due to fire, now.</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_lock)
            {
                return _armed.Count;
            }
        }
    }

    /// <summary>Waits (in real time, polling) until at least <paramref name="count"/> timers are armed; fails the test after <paramref name="timeout"/>.</summary>
    public async Task WaitForArmedTimersAsync(int count, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (ArmedTimers < count)
        {
            Assert.True(stopwatch.Elapsed < timeout, $"Expected {count} armed timers within {timeout}, have {ArmedTimers}.");
            await Task.Delay(5);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new CountedTimer(this);
        timer.Inner = base.CreateTimer(
            static counted =>
            {
                var self = (CountedTimer)counted!;
                self.Owner.Fired(self);
                self.Callback!(self.State);
            },
            timer,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        timer.Callback = callback;
        timer.State = state;
        timer.Change(dueTime, period);
        return timer;
    }

    private void Armed(CountedTimer timer, bool armed)
    {
        lock (_lock)
        {
            if (armed)
            {
                _armed.Add(timer);
            }
            else
            {
                _armed.Remove(timer);
            }
        }
    }

    private void Fired(CountedTimer timer)
    {
        if (!timer.Periodic)
        {
            Armed(timer, armed: false);
        }
    }

    private sealed class CountedTimer(CountingFakeTimeProvider owner) : ITimer
    {
        public CountingFakeTimeProvider Owner => owner;

        public ITimer? Inner { get; set; }

        public TimerCallback? Callback { get; set; }

        public object? State { get; set; }

        public bool Periodic { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // CancellationTokenSource stops its timer with 0xFFFFFFFF ms (about 49.7 days), the system timer's "infinite".
            var stopped = dueTime == Timeout.InfiniteTimeSpan || dueTime >= UnsignedInfinite;
            Periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero && period < UnsignedInfinite;
            owner.Armed(this, !stopped);
            return Inner!.Change(stopped ? Timeout.InfiniteTimeSpan : dueTime, Periodic ? period : Timeout.InfiniteTimeSpan);
        }

        public void Dispose()
        {
            owner.Armed(this, armed: false);
            Inner!.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            owner.Armed(this, armed: false);
            await Inner!.DisposeAsync();
        }
    }
}
