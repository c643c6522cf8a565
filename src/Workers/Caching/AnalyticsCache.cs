using System.Diagnostics.CodeAnalysis;
using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Caching;

/// <summary>The in-process cache of users' analytics documents, by user id, living <see cref="CacheOptions.UserDataTtl"/>.</summary>
/// <remarks>
/// <para>
/// Documents are held as UTF-8 JSON, Brotli-compressed above <see cref="CacheOptions.CompressionThresholdBytes"/>, and
/// decoded on every read, so callers never share a mutable instance.
/// </para>
/// <para>
/// The cache never goes back in time: a document's version is <see cref="AnalyticsDocument.ComputedFromWorkouts"/>,
/// which only grows as workouts are folded in, and of two documents of a user the one of the higher version stays
/// (a <see cref="Set"/> of the same version replaces, so a rebuild is served). A document loaded from the store while
/// any user was invalidated is returned but not cached, since it may have been read before the invalidation.
/// </para>
/// </remarks>
public sealed class AnalyticsCache
{
    private readonly TtlCache<CachedDocument> _entries;
    private readonly int _compressionThresholdBytes;

    // Writes compare versions and then replace: the lock makes the pair atomic. Reads take no lock.
    private readonly Lock _writeLock = new();
    private long _invalidations;

    public AnalyticsCache(CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _entries = new TtlCache<CachedDocument>(options.UserDataTtl, options.Capacity, options.Policy);
        _compressionThresholdBytes = options.CompressionThresholdBytes;
    }

    public long Hits => _entries.Hits;

    public long Misses => _entries.Misses;

    /// <summary>The documents held, including expired ones not yet removed.</summary>
    public int Count => _entries.Count;

    /// <summary>How many of the held documents are stored compressed; counts by walking the cache, for diagnostics.</summary>
    public int CompressedCount => _entries.Values.Count(static entry => entry.IsCompressed);

    public bool TryGet(string userId, [NotNullWhen(true)] out AnalyticsDocument? document)
    {
        if (_entries.TryGet(userId, out var entry))
        {
            document = entry.Decode();
            return true;
        }

        document = null;
        return false;
    }

    /// <summary>Cache-first read: the cached document, or else the one <paramref name="load"/> reads from the store, which is cached unless null.</summary>
    /// <remarks>A document <see cref="Set"/> while the load was running wins over the loaded one, unless it is older, and is returned instead.</remarks>
    public async Task<AnalyticsDocument?> GetOrAddAsync(
        string userId,
        Func<CancellationToken, Task<AnalyticsDocument?>> load,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (TryGet(userId, out var cached))
        {
            return cached;
        }

        var invalidations = Volatile.Read(ref _invalidations);
        var loaded = await load(cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        var entry = CachedDocument.Encode(loaded, _compressionThresholdBytes);
        var winner = AddLoaded(userId, entry, invalidations);
        return ReferenceEquals(winner, entry) ? loaded : winner.Decode();
    }

    /// <summary>Cache-first read of the document's compact UTF-8 JSON, for callers that only pass it on: a hit is not decoded to an object.</summary>
    /// <remarks>The JSON is what <see cref="AnalyticsJson.SerializeToUtf8Bytes"/> writes; callers must not write to it. Counts hits and misses as <see cref="GetOrAddAsync"/> does.</remarks>
    public async Task<ReadOnlyMemory<byte>?> GetOrAddJsonAsync(
        string userId,
        Func<CancellationToken, Task<AnalyticsDocument?>> load,
        CancellationToken cancellationToken) =>
        (await GetOrAddEncodedAsync(userId, load, cancellationToken))?.ToJson();

    /// <summary>Cache-first read of the document as it is held (JSON, maybe compressed, and its ETag), for the HTTP API: a hit decodes and copies nothing.</summary>
    /// <remarks>Counts hits and misses as <see cref="GetOrAddAsync"/> does; a loaded document is cached as <see cref="GetOrAddAsync"/> caches it.</remarks>
    public async Task<CachedDocument?> GetOrAddEncodedAsync(
        string userId,
        Func<CancellationToken, Task<AnalyticsDocument?>> load,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (_entries.TryGet(userId, out var cached))
        {
            return cached;
        }

        var invalidations = Volatile.Read(ref _invalidations);
        var loaded = await load(cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        return AddLoaded(userId, CachedDocument.Encode(loaded, _compressionThresholdBytes), invalidations);
    }

    /// <summary>Caches a freshly computed document under its user id, unless a document of a higher version is cached.</summary>
    /// <remarks>
    /// Call it with what the store accepted, so the cache never holds a version the store refused. Folds of one user
    /// may finish out of order (concurrent chunks, a slow invocation): the late, older one is ignored.
    /// </remarks>
    public void Set(AnalyticsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var entry = CachedDocument.Encode(document, _compressionThresholdBytes);
        lock (_writeLock)
        {
            if (_entries.TryPeek(document.UserId, out var held) && held.Version > entry.Version)
            {
                return;
            }

            _entries.Set(document.UserId, entry);
        }
    }

    /// <summary>Drops the user's document; true when one was cached.</summary>
    /// <remarks>Loads running meanwhile, of any user, are not cached: they may hold what was read before.</remarks>
    public bool Invalidate(string userId)
    {
        lock (_writeLock)
        {
            _invalidations++;
            return _entries.Invalidate(userId);
        }
    }

    /// <summary>Caches a document loaded from the store unless it is stale; returns the document to serve.</summary>
    /// <param name="invalidations">The invalidation count read before the load started.</param>
    private CachedDocument AddLoaded(string userId, CachedDocument loaded, long invalidations)
    {
        lock (_writeLock)
        {
            // The cached document was set by a fold or loaded by another reader: it wins unless it is older.
            if (_entries.TryPeek(userId, out var held) && held.Version >= loaded.Version)
            {
                return held;
            }

            // An invalidation during the load means the store may hold something newer than what was read.
            if (_invalidations == invalidations)
            {
                _entries.Set(userId, loaded);
            }

            return loaded;
        }
    }
}
