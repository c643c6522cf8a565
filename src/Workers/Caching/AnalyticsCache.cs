using System.Diagnostics.CodeAnalysis;
using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Caching;

/// <summary>The in-process cache of users' analytics documents, by user id, living <see cref="CacheOptions.UserDataTtl"/>.</summary>
/// <remarks>
/// Documents are held as UTF-8 JSON, Brotli-compressed above <see cref="CacheOptions.CompressionThresholdBytes"/>, and
/// decoded on every read, so callers never share a mutable instance.
/// </remarks>
public sealed class AnalyticsCache
{
    private readonly TtlCache<CachedDocument> _entries;
    private readonly int _compressionThresholdBytes;

    public AnalyticsCache(CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _entries = new TtlCache<CachedDocument>(options.UserDataTtl, options.Capacity);
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
    /// <remarks>A document <see cref="Set"/> while the load was running wins over the loaded one and is returned instead.</remarks>
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

        var loaded = await load(cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        var entry = CachedDocument.Encode(loaded, _compressionThresholdBytes);
        var winner = _entries.GetOrAdd(userId, entry);
        return ReferenceEquals(winner, entry) ? loaded : winner.Decode();
    }

    /// <summary>Cache-first read of the document's compact UTF-8 JSON, for callers that only pass it on (the HTTP API): a hit is not decoded to an object.</summary>
    /// <remarks>The JSON is what <see cref="AnalyticsJson.SerializeToUtf8Bytes"/> writes; callers must not write to it. Counts hits and misses as <see cref="GetOrAddAsync"/> does.</remarks>
    public async Task<ReadOnlyMemory<byte>?> GetOrAddJsonAsync(
        string userId,
        Func<CancellationToken, Task<AnalyticsDocument?>> load,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (_entries.TryGet(userId, out var cached))
        {
            return cached.ToJson();
        }

        var loaded = await load(cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        return _entries.GetOrAdd(userId, CachedDocument.Encode(loaded, _compressionThresholdBytes)).ToJson();
    }

    /// <summary>Caches a freshly computed document under its user id, replacing what is cached.</summary>
    /// <remarks>Call it with what the store accepted, so the cache never holds a version the store refused.</remarks>
    public void Set(AnalyticsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _entries.Set(document.UserId, CachedDocument.Encode(document, _compressionThresholdBytes));
    }

    /// <summary>Drops the user's document; true when one was cached.</summary>
    public bool Invalidate(string userId) => _entries.Invalidate(userId);
}
