using GymCoach.Contracts.Events;
using GymCoach.Ingest.Api.Health;
using GymCoach.Ingest.Api.Reads;
using GymCoach.Ingest.Api.Security;
using GymCoach.Ingest.Api.Writes;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Plans;
using GymCoach.Workers.ReadSide;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GymCoach.Ingest.Api;

/// <summary>Maps the ingest API: the producers' writes and the reads under <c>/v1</c>, and <c>/health</c> and <c>/ready</c>.</summary>
public static class IngestEndpoints
{
    private const string Json = "application/json";

    private static readonly byte[] Healthy = """{"status":"healthy"}"""u8.ToArray();

    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ServiceProvider;
        var pipeline = services.GetRequiredService<WritePipeline>();
        var analytics = services.GetRequiredService<AnalyticsEndpoint>();
        var profiles = services.GetRequiredService<ProfileEndpoint>();
        var library = services.GetRequiredService<LibraryEndpoints>();
        var readiness = services.GetRequiredService<ReadinessProbe>();
        var authenticator = services.GetRequiredService<ApiKeyAuthenticator>();
        var rateLimiter = services.GetRequiredService<ApiKeyRateLimiter>();
        var failures = services.GetRequiredService<FailedAuthenticationLimiter>();

        var v1 = app.MapGroup("/v1").WithTags("v1");

        var workout = new WorkoutWrite();
        v1.MapPost("/workouts", (HttpContext http, CancellationToken cancellationToken) => pipeline.HandleAsync(http, workout, cancellationToken))
            .WithName("LogWorkout")
            .WithSummary("Log one workout")
            .WithDescription("The body is the data of a gymcoach.workout.logged.v1 event. Answers 202 with the CloudEvent id once the event is in the writes queue.")
            .Accepts<WorkoutLogged>(Json)
            .Produces<AcceptedEvent>(StatusCodes.Status202Accepted)
            .WriteProblems()
            .RequireApiKey(workout.Operation, authenticator, rateLimiter, failures);

        var batch = new WorkoutBatchWrite();
        v1.MapPost("/workouts:batch", (HttpContext http, CancellationToken cancellationToken) => pipeline.HandleAsync(http, batch, cancellationToken))
            .WithName("LogWorkouts")
            .WithSummary("Log up to 100 workouts at once")
            .WithDescription("All or nothing: one invalid workout rejects the batch, and the problem names every bad field (workouts[3].exercises[0].sets[1].reps).")
            .Accepts<WorkoutBatchRequest>(Json)
            .Produces<AcceptedEvents>(StatusCodes.Status202Accepted)
            .WriteProblems()
            .RequireApiKey(batch.Operation, authenticator, rateLimiter, failures);

        var profile = new ProfileWrite();
        v1.MapPost("/profiles", (HttpContext http, CancellationToken cancellationToken) => pipeline.HandleAsync(http, profile, cancellationToken))
            .WithName("UpdateProfile")
            .WithSummary("Replace a user's profile")
            .WithDescription("The body is the data of a gymcoach.profile.updated.v1 event. The event time is when the API received it: the latest update received wins.")
            .Accepts<ProfileUpdated>(Json)
            .Produces<AcceptedEvent>(StatusCodes.Status202Accepted)
            .WriteProblems()
            .RequireApiKey(profile.Operation, authenticator, rateLimiter, failures);

        var recompute = new RecomputeWrite();
        v1.MapPost("/analytics/recompute", (HttpContext http, CancellationToken cancellationToken) => pipeline.HandleAsync(http, recompute, cancellationToken))
            .WithName("RecomputeAnalytics")
            .WithSummary("Ask for a user's analytics to be recomputed")
            .WithDescription("Sends a gymcoach.analytics.recompute.v1 event to the analytics queue.")
            .Accepts<AnalyticsRecomputeRequested>(Json)
            .Produces<AcceptedEvent>(StatusCodes.Status202Accepted)
            .WriteProblems()
            .RequireApiKey(recompute.Operation, authenticator, rateLimiter, failures);

        v1.MapGet("/users/{userId}/analytics", (string userId, HttpContext http, CancellationToken cancellationToken) => analytics.GetAsync(userId, http, cancellationToken))
            .WithName("GetAnalytics")
            .WithSummary("A user's precomputed training analytics")
            .WithDescription("Served cache-first. Sends an ETag (If-None-Match gives 304) and Cache-Control: private, max-age.")
            .Produces<AnalyticsDocument>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AuthProblems()
            .RequireApiKey(ApiOperation.AnalyticsRead, authenticator, rateLimiter, failures);

        v1.MapGet("/users/{userId}/profile", (string userId, HttpContext http, CancellationToken cancellationToken) => profiles.GetAsync(userId, http, cancellationToken))
            .WithName("GetProfile")
            .WithSummary("A user's profile, as the workers last stored it")
            .WithDescription("Served cache-first: up to 5 minutes older than the newest processed update. Sends an ETag (If-None-Match gives 304) and Cache-Control: private, no-cache.")
            .Produces<ProfileDocument>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AuthProblems()
            .RequireApiKey(ApiOperation.ProfilesRead, authenticator, rateLimiter, failures);

        v1.MapGet("/exercises", (HttpContext http) => library.GetExercises(http))
            .WithName("GetExercises")
            .WithSummary("The exercise library: the ids workouts log exercises by, with names and classification")
            .WithDescription("Static. Sends a strong ETag (If-None-Match gives 304) and Cache-Control: public, max-age=3600.")
            .Produces<ExerciseLibraryDocument>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .AuthProblems()
            .RequireAnyApiKey(authenticator, rateLimiter, failures);

        v1.MapGet("/plans", (HttpContext http) => library.GetPlans(http))
            .WithName("GetPlans")
            .WithSummary("Workout plan templates: well-known programmes, versioned, naming exercise library ids")
            .WithDescription("Static. Sends a strong ETag (If-None-Match gives 304) and Cache-Control: public, max-age=3600.")
            .Produces<PlanLibraryDocument>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .AuthProblems()
            .RequireAnyApiKey(authenticator, rateLimiter, failures);

        app.MapGet("/health", () => TypedResults.Bytes(Healthy, Json))
            .WithName("Health")
            .WithSummary("Liveness: the process serves requests")
            .Produces<HealthReport>(StatusCodes.Status200OK);

        app.MapGet("/ready", (CancellationToken cancellationToken) => readiness.CheckAsync(cancellationToken))
            .WithName("Ready")
            .WithSummary("Readiness: the writes queue and the store answer in time")
            .Produces<ReadinessReport>(StatusCodes.Status200OK)
            .Produces<ReadinessReport>(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    private static RouteHandlerBuilder RequireApiKey(
        this RouteHandlerBuilder builder,
        ApiOperation operation,
        ApiKeyAuthenticator authenticator,
        ApiKeyRateLimiter rateLimiter,
        FailedAuthenticationLimiter failures) =>
        builder
            .WithMetadata(new ApiOperationMetadata(ApiOperations.Name(operation)))
            .AddEndpointFilter(new ApiKeyFilter(operation, authenticator, rateLimiter, failures));

    /// <summary>Any valid key may call the endpoint (the data is the same for everyone); the lockout and rate limits still apply.</summary>
    private static RouteHandlerBuilder RequireAnyApiKey(
        this RouteHandlerBuilder builder,
        ApiKeyAuthenticator authenticator,
        ApiKeyRateLimiter rateLimiter,
        FailedAuthenticationLimiter failures) =>
        builder
            .WithMetadata(new ApiOperationMetadata(Operation: null))
            .AddEndpointFilter(new ApiKeyFilter(ApiOperation.None, authenticator, rateLimiter, failures));

    private static RouteHandlerBuilder WriteProblems(this RouteHandlerBuilder builder) =>
        builder
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AuthProblems();

    private static RouteHandlerBuilder AuthProblems(this RouteHandlerBuilder builder) =>
        builder
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
