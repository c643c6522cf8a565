using System.Collections.Concurrent;
using System.Net;

namespace GymCoach.Ingest.Api.Security;

/// <summary>Counts wrong API keys per client address in a fixed window and locks the address out once it has too many.</summary>
/// <remarks>
/// The key buckets of <see cref="ApiKeyRateLimiter"/> apply only after a key is known, so without this a client could
/// try keys as fast as the API answers. Entries end with their window; expired ones are swept once the table is large,
/// so addresses that stop guessing do not hold memory.
/// </remarks>
internal sealed class FailedAuthenticationLimiter(IngestApiOptions options, TimeProvider timeProvider)
{
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<IPAddress, FailureWindow> _windows = new();
    private long _nextSweep;

    /// <summary>How long <paramref name="address"/> is still locked out, or null when it may authenticate.</summary>
    public TimeSpan? LockedFor(IPAddress? address)
    {
        if (!_windows.TryGetValue(Normalize(address), out var window))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        lock (window)
        {
            return window.Count >= options.MaxFailedAuthentications && now < window.Ends ? window.Ends - now : null;
        }
    }

    public void RecordFailure(IPAddress? address)
    {
        var now = timeProvider.GetUtcNow();
        var window = _windows.GetOrAdd(Normalize(address), _ => new FailureWindow());
        lock (window)
        {
            if (now >= window.Ends)
            {
                window.Ends = now + options.FailedAuthenticationWindow;
                window.Count = 0;
            }

            window.Count++;
        }

        SweepIfLarge(now);
    }

    private void SweepIfLarge(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextSweep);
        if (_windows.Count <= SweepAbove || now.UtcTicks < next
            || Interlocked.CompareExchange(ref _nextSweep, now.UtcTicks + TimeSpan.TicksPerSecond, next) != next)
        {
            return;
        }

        foreach (var (address, window) in _windows)
        {
            bool expired;
            lock (window)
            {
                expired = now >= window.Ends;
            }

            if (expired)
            {
                _windows.TryRemove(new KeyValuePair<IPAddress, FailureWindow>(address, window));
            }
        }
    }

    /// <summary>One client seen as IPv4 or as IPv4-mapped IPv6 is the same client.</summary>
    private static IPAddress Normalize(IPAddress? address) =>
        address is null ? IPAddress.None : address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private sealed class FailureWindow
    {
        public DateTimeOffset Ends { get; set; } = DateTimeOffset.MinValue;

        public int Count { get; set; }
    }
}
