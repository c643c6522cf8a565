using System.Threading.Channels;

namespace GymCoach.Embedded.Queueing;

/// <summary>Wakes an <see cref="EmbeddedQueue"/>'s long-poll waiters when something may have become receivable.</summary>
/// <remarks>
/// A bounded channel of one item that drops further writes: a pulse wakes every waiter in <c>WaitToReadAsync</c>, and
/// at most one pulse is pending for a waiter that has not started waiting yet. Waiters register under the queue lock
/// before their last look, so a change made after that look always pulses; they drain a stale pulse before that look.
/// </remarks>
internal sealed class LongPollSignal(TimeProvider time)
{
    private readonly Channel<byte> _pulses =
        Channel.CreateBounded<byte>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private int _waiters;

    public bool HasWaiters => Volatile.Read(ref _waiters) > 0;

    /// <summary>Called under the queue lock, after a look that found nothing.</summary>
    public void Register() => Interlocked.Increment(ref _waiters);

    public void Drain() => _pulses.Reader.TryRead(out _);

    public void Pulse() => _pulses.Writer.TryWrite(0);

    /// <summary>Waits for a pulse or <paramref name="sleep"/>, then unregisters; throws only for <paramref name="cancellationToken"/>.</summary>
    public async Task WaitAsync(TimeSpan sleep, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = new CancellationTokenSource(sleep, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            Task waiting = _pulses.Reader.WaitToReadAsync(linked.Token).AsTask();
            await waiting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }
}
