using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GymCoach.Contracts.Events;
using GymCoach.Producer.Validation;

namespace GymCoach.Producer.Http;

/// <summary>Validates locally, then posts the data to the ingest API, which wraps it in the CloudEvents envelope and queues it.</summary>
/// <remarks>
/// 429 and 503 answers (and 409 while the same key is still in progress, and requests that got no answer) are retried
/// up to <see cref="HttpProducerOptions.MaxAttempts"/>, after <c>Retry-After</c> when the API sends it, always with the
/// call's one <c>Idempotency-Key</c>: the API queues the events of a key at most once.
/// </remarks>
internal sealed class HttpProducer(HttpClient client, bool ownsClient, HttpProducerOptions settings, TimeProvider timeProvider) : IGymCoachProducer
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpProducerOptions _settings = settings;
    private readonly RetryDelays _delays = new(settings, timeProvider);

    public async Task<string> LogWorkoutAsync(WorkoutLogged workout, SendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ProducerRules.Workout(workout, timeProvider.GetUtcNow());
        var body = JsonSerializer.SerializeToUtf8Bytes(workout, EventJsonContext.Default.WorkoutLogged);
        return (await PostAsync(ApiRoutes.Workouts, body, ProducerJsonContext.Default.AcceptedEventBody, options, cancellationToken)).EventId;
    }

    public async Task<IReadOnlyList<string>> LogWorkoutsAsync(
        IReadOnlyList<WorkoutLogged> workouts, SendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ProducerRules.Workouts(workouts, timeProvider.GetUtcNow());
        var body = JsonSerializer.SerializeToUtf8Bytes(new WorkoutBatchBody(workouts), ProducerJsonContext.Default.WorkoutBatchBody);
        return (await PostAsync(ApiRoutes.WorkoutsBatch, body, ProducerJsonContext.Default.AcceptedEventsBody, options, cancellationToken)).EventIds;
    }

    public async Task<string> UpdateProfileAsync(ProfileUpdated profile, SendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ProducerRules.Profile(profile);
        var body = JsonSerializer.SerializeToUtf8Bytes(profile, EventJsonContext.Default.ProfileUpdated);
        return (await PostAsync(ApiRoutes.Profiles, body, ProducerJsonContext.Default.AcceptedEventBody, options, cancellationToken)).EventId;
    }

    public async Task<string> RequestRecomputeAsync(
        AnalyticsRecomputeRequested request, SendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ProducerRules.Recompute(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, EventJsonContext.Default.AnalyticsRecomputeRequested);
        return (await PostAsync(ApiRoutes.Recompute, body, ProducerJsonContext.Default.AcceptedEventBody, options, cancellationToken)).EventId;
    }

    public ValueTask DisposeAsync()
    {
        if (ownsClient)
        {
            client.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private async Task<TAccepted> PostAsync<TAccepted>(
        Uri path, byte[] body, JsonTypeInfo<TAccepted> accepted, SendOptions? send, CancellationToken cancellationToken)
    {
        var idempotencyKey = send?.IdempotencyKey ?? Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            using var request = Request(path, body, idempotencyKey, send?.CorrelationId);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (Exception ex) when (IsUnanswered(ex, cancellationToken) && attempt < _settings.MaxAttempts)
            {
                await Task.Delay(_delays.For(null, attempt), timeProvider, cancellationToken);
                continue;
            }
            catch (Exception ex) when (IsUnanswered(ex, cancellationToken))
            {
                throw new GymCoachProducerException($"The API at {_settings.BaseAddress} did not answer in {attempt} attempt(s): {ex.Message}", ex);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                    return await JsonSerializer.DeserializeAsync(stream, accepted, cancellationToken)
                        ?? throw new ProducerApiException(202, null, attempt);
                }

                if (!IsRetryable(response) || attempt >= _settings.MaxAttempts)
                {
                    throw await ProblemAnswers.ToExceptionAsync(response, attempt, cancellationToken);
                }

                await Task.Delay(_delays.For(response, attempt), timeProvider, cancellationToken);
            }
        }
    }

    private HttpRequestMessage Request(Uri path, byte[] body, string idempotencyKey, string? correlationId)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_settings.BaseAddress!, path)) { Content = content };
        request.Headers.TryAddWithoutValidation(ApiRoutes.ApiKeyHeader, _settings.ApiKey);
        request.Headers.TryAddWithoutValidation(ApiRoutes.IdempotencyKeyHeader, idempotencyKey);
        if (correlationId is not null)
        {
            request.Headers.TryAddWithoutValidation(ApiRoutes.CorrelationIdHeader, correlationId);
        }

        return request;
    }

    /// <summary>Throttled, briefly unavailable, or the same key still in progress (409 with Retry-After).</summary>
    private static bool IsRetryable(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => true,
        HttpStatusCode.Conflict => response.Headers.RetryAfter is not null,
        _ => false,
    };

    /// <summary>No answer came: a connection failure, or the client's own timeout (not the caller's cancellation).</summary>
    private static bool IsUnanswered(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
