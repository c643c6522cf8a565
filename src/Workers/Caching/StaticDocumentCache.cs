namespace GymCoach.Workers.Caching;

/// <summary>One static document (the exercise library, the plans) behind a cache living <see cref="CacheOptions.StaticDataTtl"/>.</summary>
/// <remarks>
/// The built-in documents are compiled in, so their source builds the bytes and ETag once and a miss only puts them
/// back; the cache is the seam, with its hit and miss counts, for when a document is read from the store instead.
/// </remarks>
public sealed class StaticDocumentCache
{
    private readonly TtlCache<CachedJson> _entries;
    private readonly Func<CachedJson> _load;

    /// <param name="cacheType">One of <see cref="CacheTypes"/>; also the entry's key.</param>
    /// <param name="load">Reads the document when it is not cached.</param>
    public StaticDocumentCache(string cacheType, Func<CachedJson> load, CacheOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheType);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        CacheType = cacheType;
        _load = load;
        _entries = new TtlCache<CachedJson>(options.StaticDataTtl, options.Capacity);
    }

    public string CacheType { get; }

    public CacheStatistics Statistics => new(CacheType, _entries.Hits, _entries.Misses);

    /// <summary>The document: cached, or loaded and cached.</summary>
    public CachedJson Get() =>
        _entries.TryGet(CacheType, out var cached) ? cached : _entries.GetOrAdd(CacheType, _load());
}
