namespace GymCoach.Workers.Caching;

/// <summary>The in-process cache of users' served profile documents, by user id, living <see cref="CacheOptions.UserDataTtl"/>.</summary>
/// <remarks>
/// Profiles are written by the writes worker, usually in another process, so an update is not pushed here: a cached
/// profile may be up to the time to live (5 minutes by default) older than the store. <see cref="Invalidate"/> is for a
/// host that runs the writer in the same process.
/// </remarks>
public sealed class ProfileCache
{
    private readonly TtlCache<CachedJson> _entries;

    public ProfileCache(CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _entries = new TtlCache<CachedJson>(options.UserDataTtl, options.Capacity);
    }

    public CacheStatistics Statistics => new(CacheTypes.Profile, _entries.Hits, _entries.Misses);

    public int Count => _entries.Count;

    /// <summary>Cache-first read: the cached document, or else the one <paramref name="load"/> reads from the store, cached unless null.</summary>
    public Task<CachedJson?> GetOrAddAsync(string userId, Func<CancellationToken, Task<CachedJson?>> load, CancellationToken cancellationToken) =>
        _entries.GetOrAddAsync(userId, load, cancellationToken);

    /// <summary>Drops the user's profile; true when one was cached.</summary>
    public bool Invalidate(string userId) => _entries.Invalidate(userId);
}
