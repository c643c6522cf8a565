using System.Diagnostics.CodeAnalysis;
using BitFaster.Caching;
using BitFaster.Caching.Lfu;
using BitFaster.Caching.Lru;

namespace GymCoach.Workers.Caching;

/// <summary>A bounded, thread-safe cache by string key whose entries expire a fixed time after they were written.</summary>
/// <remarks>
/// Built on BitFaster.Caching's <see cref="ConcurrentLruBuilder{K, V}"/> or <see cref="ConcurrentLfuBuilder{K, V}"/>
/// (<see cref="CachePolicy"/>), which keep time with the system tick count (they have no pluggable clock). Expired
/// entries are never returned; they are removed lazily. The LFU evicts in batches on the thread pool, so it may hold
/// a few entries over its capacity for a moment.
/// </remarks>
public sealed class TtlCache<TValue>
    where TValue : class
{
    private readonly ICache<string, TValue> _entries;
    private long _hits;
    private long _misses;

    public TtlCache(TimeSpan timeToLive, int capacity)
        : this(timeToLive, capacity, CacheOptions.DefaultPolicy)
    {
    }

    public TtlCache(TimeSpan timeToLive, int capacity, CachePolicy policy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, CacheOptions.MinimumCapacity);

        _entries = policy switch
        {
            CachePolicy.Lru => new ConcurrentLruBuilder<string, TValue>()
                .WithCapacity(capacity)
                .WithExpireAfterWrite(timeToLive)
                .WithKeyComparer(StringComparer.Ordinal)
                .Build(),
            CachePolicy.Lfu => new ConcurrentLfuBuilder<string, TValue>()
                .WithCapacity(capacity)
                .WithExpireAfterWrite(timeToLive)
                .WithKeyComparer(StringComparer.Ordinal)
                .Build(),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown cache policy."),
        };
        TimeToLive = timeToLive;
        Capacity = capacity;
        Policy = policy;
    }

    public TimeSpan TimeToLive { get; }

    public int Capacity { get; }

    public CachePolicy Policy { get; }

    /// <summary>Lookups that found a live entry.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that found no entry, or only an expired one.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The entries held, including expired ones not yet removed.</summary>
    public int Count => _entries.Count;

    /// <summary>The held values, for diagnostics; may include expired entries not yet removed.</summary>
    internal IEnumerable<TValue> Values
    {
        get
        {
            foreach (var entry in _entries)
            {
                yield return entry.Value;
            }
        }
    }

    public bool TryGet(string key, [MaybeNullWhen(false)] out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_entries.TryGet(key, out value))
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        Interlocked.Increment(ref _misses);
        return false;
    }

    /// <summary>Like <see cref="TryGet"/>, but not counted as a lookup: for a writer comparing what is held.</summary>
    internal bool TryPeek(string key, [MaybeNullWhen(false)] out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _entries.TryGet(key, out value);
    }

    /// <summary>Cache-first read: the cached value, or else the loaded one, which is cached unless it is null.</summary>
    /// <remarks>
    /// Concurrent misses for one key may each load; the first value cached wins and is returned to all of them, so a
    /// value <see cref="Set"/> while a load was running is not overwritten by it.
    /// </remarks>
    public async Task<TValue?> GetOrAddAsync(string key, Func<CancellationToken, Task<TValue?>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (TryGet(key, out var cached))
        {
            return cached;
        }

        var loaded = await load(cancellationToken);
        return loaded is null ? null : GetOrAdd(key, loaded);
    }

    /// <summary>Adds the value unless a live one is cached; returns the cached value. Not counted as a lookup.</summary>
    public TValue GetOrAdd(string key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return _entries.GetOrAdd(key, static (_, added) => added, value);
    }

    /// <summary>Adds or replaces the value; its time to live starts again.</summary>
    public void Set(string key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _entries.AddOrUpdate(key, value);
    }

    /// <summary>Removes the entry; true when there was one.</summary>
    public bool Invalidate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _entries.TryRemove(key);
    }
}
