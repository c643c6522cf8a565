using System.Collections.Frozen;
using System.Threading.RateLimiting;

namespace GymCoach.Ingest.Api.Security;

/// <summary>One token bucket per API key name, sized by the key's <see cref="ApiKeyOptions.RequestsPerSecond"/> and <see cref="ApiKeyOptions.Burst"/>.</summary>
/// <remarks>Every request takes one token; a write takes one more per event beyond its first (<see cref="TryAcquireMore"/>), so a batch of N costs N.</remarks>
/// <remarks>
/// The keys are known at startup, so the buckets are made up front and found without a lock
/// (<see cref="PartitionedRateLimiter"/> looks its partitions up under one lock on every request).
/// </remarks>
internal sealed class ApiKeyRateLimiter : IDisposable
{
    private static readonly TimeSpan RefillPeriod = TimeSpan.FromSeconds(1);

    private readonly FrozenDictionary<string, TokenBucketRateLimiter> _buckets;
    private readonly FrozenDictionary<string, int> _capacities;

    public ApiKeyRateLimiter(IngestApiOptions options)
    {
        _buckets = options.ApiKeys.ToFrozenDictionary(
            key => key.Name,
            key => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = key.Burst,
                TokensPerPeriod = key.RequestsPerSecond,
                ReplenishmentPeriod = RefillPeriod,
                QueueLimit = 0,
                AutoReplenishment = true,
            }),
            StringComparer.Ordinal);
        _capacities = options.ApiKeys.ToFrozenDictionary(key => key.Name, key => key.Burst, StringComparer.Ordinal);
    }

    /// <summary>Takes one token from the caller's bucket.</summary>
    /// <returns>Null when the request may go on; otherwise how long until a token is likely free.</returns>
    public TimeSpan? TryAcquire(ApiCaller caller) => TryAcquire(caller, 1);

    /// <summary>The most tokens the caller's bucket holds: a request needing more can never go through.</summary>
    public int Capacity(ApiCaller caller) => _capacities[caller.Name];

    /// <summary>Takes <paramref name="count"/> tokens more, for the events of a write beyond the one its request paid for.</summary>
    /// <returns>Null when the write may go on; otherwise how long until that many tokens are likely free.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is over <see cref="Capacity"/>.</exception>
    public TimeSpan? TryAcquireMore(ApiCaller caller, int count) => count <= 0 ? null : TryAcquire(caller, count);

    private TimeSpan? TryAcquire(ApiCaller caller, int count)
    {
        using var lease = _buckets[caller.Name].AttemptAcquire(count);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : RefillPeriod;
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }
}
