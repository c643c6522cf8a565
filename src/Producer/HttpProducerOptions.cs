using System.Globalization;

namespace GymCoach.Producer;

/// <summary>Settings of the HTTP transport: where the ingest API is, the API key, and how throttled or unavailable answers are retried.</summary>
public sealed class HttpProducerOptions
{
    /// <summary>The API's base address, for example <c>https://api.example.com/</c> or <c>http://127.0.0.1:8080/</c>. Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The producer's API key, sent as <c>X-Api-Key</c>. Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Requests per call, counting the first, while the API answers 429 or 503 or cannot be reached. Default 4; 1 to 10.</summary>
    /// <remarks>Every attempt of one call carries the same <c>Idempotency-Key</c>, so a retry never queues an event twice.</remarks>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The longest wait before a retry, whatever <c>Retry-After</c> asks for. Default 30 s; at least <see cref="InitialRetryDelay"/>, at most 5 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before the first retry when the answer has no <c>Retry-After</c>; it doubles per attempt, with jitter. Default 200 ms; above 0.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one request may take (applies when the producer creates its own <see cref="HttpClient"/>). Default 30 s; above 0.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="ArgumentException">One or more settings are invalid; the message lists each of them.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        Check(errors, BaseAddress is { IsAbsoluteUri: true } && (BaseAddress.Scheme == Uri.UriSchemeHttps || BaseAddress.Scheme == Uri.UriSchemeHttp),
            $"BaseAddress must be an absolute http or https URI (was '{BaseAddress}').");
        Check(errors, !string.IsNullOrWhiteSpace(ApiKey), $"ApiKey is required.");
        Check(errors, MaxAttempts is >= 1 and <= 10, $"MaxAttempts must be between 1 and 10 (was {MaxAttempts}).");
        Check(errors, InitialRetryDelay > TimeSpan.Zero, $"InitialRetryDelay must be positive (was {InitialRetryDelay}).");
        Check(errors, MaxRetryDelay >= InitialRetryDelay && MaxRetryDelay <= TimeSpan.FromMinutes(5),
            $"MaxRetryDelay must be between InitialRetryDelay and 5 minutes (was {MaxRetryDelay}).");
        Check(errors, RequestTimeout > TimeSpan.Zero, $"RequestTimeout must be positive (was {RequestTimeout}).");
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid HttpProducerOptions: " + string.Join(" ", errors));
        }
    }

    internal HttpProducerOptions Copy() => (HttpProducerOptions)MemberwiseClone();

    private static void Check(List<string> errors, bool valid, FormattableString error)
    {
        if (!valid)
        {
            errors.Add(error.ToString(CultureInfo.InvariantCulture));
        }
    }
}
