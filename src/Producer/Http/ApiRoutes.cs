namespace GymCoach.Producer.Http;

/// <summary>The ingest API's write endpoints and the headers the producer sends, as <c>src/Ingest</c> maps them.</summary>
internal static class ApiRoutes
{
    public static readonly Uri Workouts = new("v1/workouts", UriKind.Relative);
    public static readonly Uri WorkoutsBatch = new("v1/workouts:batch", UriKind.Relative);
    public static readonly Uri Profiles = new("v1/profiles", UriKind.Relative);
    public static readonly Uri Recompute = new("v1/analytics/recompute", UriKind.Relative);

    public const string ApiKeyHeader = "X-Api-Key";
    public const string CorrelationIdHeader = "X-Correlation-Id";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
}
