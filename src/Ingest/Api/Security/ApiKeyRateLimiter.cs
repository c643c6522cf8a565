using System.Collections.Frozen;
using System.Threading.RateLimiting;

namespace GymCoach.Ingest.Api.Security;

/// <summary>One token bucket per API key name, sized by the key's <see cref="ApiKeyOptions.RequestsPerSecond"/> and <see cref="ApiKeyOptions.Burst"/>.</summary>
/// <remarks>
/// The keys are known at startup, so the buckets are made up front and found without a lock
/// (<see cref="PartitionedRateLimiter"/> looks its partitions up under one lock on every request).
/// </remarks>
internal sealed class ApiKeyRateLimiter : IDisposable
{
    private static readonly TimeSpan RefillPeriod = TimeSpan.FromSeconds(1);

    private readonly FrozenDictionary<string, TokenBucketRateLimiter> _buckets;

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
    }

    /// <summary>Takes one token from the caller's bucket.</summary>
    /// <returns>Null when the request may go on; otherwise how long until a token is likely free.</returns>
    public TimeSpan? TryAcquire(ApiCaller caller)
    {
        using var lease = _buckets[caller.Name].AttemptAcquire();
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
