using System.Globalization;

namespace GymCoach.Ingest.Api;

/// <summary>Settings of the ingest HTTP API: body limits, API keys, idempotency and timeouts.</summary>
public sealed class IngestApiOptions
{
    /// <summary>The most workouts one <c>POST /v1/workouts:batch</c> may carry (and the most allowed here).</summary>
    public const int MaxBatchWorkoutsLimit = 100;

    /// <summary>The largest body of a single-event POST, in bytes. Default 256 KiB (the SQS message size of older accounts).</summary>
    public int MaxSingleBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The largest body of <c>POST /v1/workouts:batch</c>, in bytes. Default 1 MiB.</summary>
    public int MaxBatchBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The most workouts in one batch, 1–100. Default 100.</summary>
    public int MaxBatchWorkouts { get; set; } = MaxBatchWorkoutsLimit;

    /// <summary>The producers' keys. Default none: every request to <c>/v1</c> is then refused with 401.</summary>
    public IList<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>How many wrong API keys one client address may send per <see cref="FailedAuthenticationWindow"/>. Default 10.</summary>
    /// <remarks>Over it, every request of that address to an endpoint that needs a key is answered 429 until the window ends, the right key too: otherwise guessing would go on, told apart by 429 and 2xx.</remarks>
    public int MaxFailedAuthentications { get; set; } = 10;

    /// <summary>The window <see cref="MaxFailedAuthentications"/> counts in, from an address's first wrong key. Default 1 minute.</summary>
    public TimeSpan FailedAuthenticationWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an <c>Idempotency-Key</c> is remembered. Default 24 hours.</summary>
    public TimeSpan IdempotencyTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a request holds its idempotency key before a retry may take over (it crashed). Default 30 s.</summary>
    public TimeSpan IdempotencyLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a POST waits for the queue to accept its messages before answering 503. Default 10 s.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long <c>GET /ready</c> waits for the queue and the store. Default 2 s.</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The <c>Cache-Control: private, max-age</c> of analytics responses. Default 60 s.</summary>
    public TimeSpan AnalyticsMaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The host names (without port) a request's <c>Host</c> header may name; others are answered 400, so a web page
    /// cannot reach the API by DNS rebinding. <c>*</c> allows any. Default <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c>.
    /// </summary>
    public IList<string> AllowedHosts { get; set; } = [.. DefaultAllowedHosts];

    /// <summary>The loopback names the API answers to unless <see cref="AllowedHosts"/> says otherwise.</summary>
    public static IReadOnlyList<string> DefaultAllowedHosts { get; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="ArgumentException">One or more settings are invalid; the message lists each.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (MaxSingleBodyBytes < 1024)
        {
            errors.Add("MaxSingleBodyBytes must be at least 1024.");
        }

        if (MaxBatchBodyBytes < 1024)
        {
            errors.Add("MaxBatchBodyBytes must be at least 1024.");
        }

        if (MaxBatchWorkouts is < 1 or > MaxBatchWorkoutsLimit)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MaxBatchWorkouts must be between 1 and {MaxBatchWorkoutsLimit}."));
        }

        if (MaxFailedAuthentications < 1)
        {
            errors.Add("MaxFailedAuthentications must be at least 1.");
        }

        Positive(errors, nameof(FailedAuthenticationWindow), FailedAuthenticationWindow);
        Positive(errors, nameof(IdempotencyTtl), IdempotencyTtl);
        Positive(errors, nameof(IdempotencyLease), IdempotencyLease);
        Positive(errors, nameof(PublishTimeout), PublishTimeout);
        Positive(errors, nameof(ReadinessTimeout), ReadinessTimeout);
        if (AnalyticsMaxAge < TimeSpan.Zero)
        {
            errors.Add("AnalyticsMaxAge must not be negative.");
        }

        var hosts = AllowedHosts ?? [];
        if (hosts.Count == 0)
        {
            errors.Add("AllowedHosts must name at least one host (or * for any).");
        }

        for (var i = 0; i < hosts.Count; i++)
        {
            if (!Security.HostFilter.IsValidEntry(hosts[i]))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"AllowedHosts[{i}] '{hosts[i]}' is not a host name or address without a port."));
            }
        }

        var keys = ApiKeys ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            keys[i].Validate(i, errors);
            if (!names.Add(keys[i].Name))
            {
                errors.Add($"ApiKeys[{i}].Name '{keys[i].Name}' is used by another key.");
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid IngestApiOptions: " + string.Join(" ", errors));
        }
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{name} must be positive.");
        }
    }
}
