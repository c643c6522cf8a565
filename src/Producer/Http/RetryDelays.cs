namespace GymCoach.Producer.Http;

/// <summary>How long to wait before retrying: what the API's <c>Retry-After</c> asks for, else exponential backoff with jitter, never above the cap.</summary>
internal sealed class RetryDelays(HttpProducerOptions options, TimeProvider timeProvider)
{
    public TimeSpan For(HttpResponseMessage? response, int attempt)
    {
        var delay = RetryAfter(response) ?? Backoff(attempt);
        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var delay = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    /// <summary>Equal jitter: between half and all of InitialRetryDelay × 2^(attempt-1).</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.MaxRetryDelay.Ticks, options.InitialRetryDelay.Ticks * (1L << Math.Min(attempt - 1, 30)));
        return TimeSpan.FromTicks((ceiling / 2) + (long)(Random.Shared.NextDouble() * (ceiling / 2)));
    }
}
