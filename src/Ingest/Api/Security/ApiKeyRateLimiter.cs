using System.Threading.RateLimiting;

namespace GymCoach.Ingest.Api.Security;

/// <summary>One token bucket per API key name, sized by the key's <see cref="ApiKeyOptions.RequestsPerSecond"/> and <see cref="ApiKeyOptions.Burst"/>.</summary>
internal sealed class ApiKeyRateLimiter : IDisposable
{
    private static readonly TimeSpan RefillPeriod = TimeSpan.FromSeconds(1);

    private readonly PartitionedRateLimiter<string> _limiter;

    public ApiKeyRateLimiter(IngestApiOptions options)
    {
        var settings = options.ApiKeys.ToDictionary(
            key => key.Name,
            key => new TokenBucketRateLimiterOptions
            {
                TokenLimit = key.Burst,
                TokensPerPeriod = key.RequestsPerSecond,
                ReplenishmentPeriod = RefillPeriod,
                QueueLimit = 0,
                AutoReplenishment = true,
            },
            StringComparer.Ordinal);
        _limiter = PartitionedRateLimiter.Create<string, string>(
            name => RateLimitPartition.GetTokenBucketLimiter(name, n => settings[n]));
    }

    /// <summary>Takes one token from the caller's bucket.</summary>
    /// <returns>Null when the request may go on; otherwise how long until a token is likely free.</returns>
    public TimeSpan? TryAcquire(ApiCaller caller)
    {
        using var lease = _limiter.AttemptAcquire(caller.Name);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : RefillPeriod;
    }

    public void Dispose() => _limiter.Dispose();
}
