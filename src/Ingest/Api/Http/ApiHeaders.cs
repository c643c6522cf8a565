namespace GymCoach.Ingest.Api.Http;

/// <summary>The request and response headers of the API that HTTP does not name.</summary>
internal static class ApiHeaders
{
    public const string ApiKey = "X-Api-Key";
    public const string CorrelationId = "X-Correlation-Id";
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>On a response repeated from an earlier request with the same <see cref="IdempotencyKey"/>.</summary>
    public const string IdempotentReplayed = "Idempotent-Replayed";

    public const string ApiKeyChallenge = "ApiKey realm=\"gymcoach\", header=\"X-Api-Key\"";
}
