using GymCoach.Contracts.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Storage;

namespace GymCoach.Workers.ReadSide;

/// <summary>Serves users' precomputed analytics cache-first: a hit never touches the store, a miss reads it once and caches it.</summary>
public sealed class AnalyticsReader(IItemStore store, AnalyticsCache cache)
{
    /// <summary>The user's analytics, or null when none have been computed (unknown user, or no workout processed yet).</summary>
    public Task<AnalyticsDocument?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return cache.GetOrAddAsync(userId, token => LoadAsync(userId, token), cancellationToken);
    }

    /// <summary>The user's analytics as compact UTF-8 JSON (the served document), or null; a cache hit skips decoding to an object.</summary>
    /// <remarks>The bytes may be the cache's own: never write to them.</remarks>
    public Task<ReadOnlyMemory<byte>?> GetJsonAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return cache.GetOrAddJsonAsync(userId, token => LoadAsync(userId, token), cancellationToken);
    }

    /// <summary>The user's analytics as the cache holds them (compact JSON, maybe compressed, with its ETag), or null; a cache hit decodes and copies nothing.</summary>
    public Task<CachedDocument?> GetEncodedAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return cache.GetOrAddEncodedAsync(userId, token => LoadAsync(userId, token), cancellationToken);
    }

    private async Task<AnalyticsDocument?> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        var item = await store.GetAsync(TableKeys.UserPartition(userId), TableKeys.AnalyticsSortKey, cancellationToken);
        return item is null ? null : AnalyticsItems.ReadDocument(item);
    }
}
