using System.Globalization;
using System.Text;
using GymCoach.Contracts.Events;
using GymCoach.Ingest.Api.Http;
using GymCoach.Ingest.Api.Idempotency;
using GymCoach.Ingest.Api.Problems;
using GymCoach.Ingest.Api.Security;
using GymCoach.Ingest.Api.Sending;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace GymCoach.Ingest.Api.Writes;

/// <summary>Every POST goes through here: read, parse, validate, claim the idempotency key, publish and await, answer 202.</summary>
/// <remarks>Nothing reaches the queue before the whole request is known to be valid, and 202 is sent only after the queue accepted every message.</remarks>
internal sealed class WritePipeline(
    IngestApiOptions options,
    IngestBackend backend,
    IdempotencyStore idempotency,
    ApiKeyRateLimiter rateLimiter,
    TimeProvider timeProvider,
    ILogger<WritePipeline> logger)
{
    private const int MaxIdempotencyKeyLength = 255;

    public async Task<IResult> HandleAsync(HttpContext http, WriteEndpoint endpoint, CancellationToken cancellationToken)
    {
        var caller = http.Features.GetRequiredFeature<ApiCaller>();
        var idempotencyKey = http.Request.Headers[ApiHeaders.IdempotencyKey];
        if (idempotencyKey.Count > 1 || (idempotencyKey.Count == 1 && !IsValidIdempotencyKey(idempotencyKey[0])))
        {
            return Problem.BadHeader(ApiHeaders.IdempotencyKey, string.Create(CultureInfo.InvariantCulture,
                $"must be one value of 1 to {MaxIdempotencyKeyLength} visible ASCII characters"));
        }

        var limit = endpoint.IsBatch ? options.MaxBatchBodyBytes : options.MaxSingleBodyBytes;
        using var body = await RequestBody.ReadAsync(http.Request, limit, cancellationToken);
        if (body.Problem is { } bodyProblem)
        {
            return bodyProblem;
        }

        var prepared = endpoint.Prepare(body.Span, new EventStamp(caller.EventSource, timeProvider.GetUtcNow()), options);
        if (prepared.Problem is { } problem)
        {
            return problem;
        }

        if (ChargeEvents(http, caller, prepared.Count) is { } refused)
        {
            return refused;
        }

        if (idempotencyKey.Count == 0)
        {
            return await PublishAsync(http, caller, endpoint, prepared, null);
        }

        var key = new IdempotencyScope(
            IdempotencyStore.PartitionKey(caller.Name, idempotencyKey[0]!),
            IdempotencyStore.Fingerprint(http.Request.Path.Value ?? string.Empty, body.Span));
        var claim = await idempotency.ClaimAsync(key.PartitionKey, key.Fingerprint, cancellationToken);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                IngestLog.Replayed(logger, caller.Name, http.TraceIdentifier);
                http.Response.Headers[ApiHeaders.IdempotentReplayed] = "true";
                return new JsonBytesResult(claim.Status, Encoding.UTF8.GetBytes(claim.Response ?? "{}"));
            case IdempotencyOutcome.Mismatch:
                return Problem.IdempotencyKeyReused();
            case IdempotencyOutcome.InProgress:
                http.Response.Headers.RetryAfter = "1";
                return Problem.InProgress();
            default:
                return await PublishAsync(http, caller, endpoint, prepared, (key, claim));
        }
    }

    private async Task<IResult> PublishAsync(
        HttpContext http,
        ApiCaller caller,
        WriteEndpoint endpoint,
        PreparedWrite prepared,
        (IdempotencyScope Key, IdempotencyClaim Claim)? idempotent)
    {
        var publisher = endpoint.Queue == EventQueue.Analytics ? backend.Analytics : backend.Writes;

        // Not linked to RequestAborted: once sending starts it finishes, so the idempotency record tells the truth.
        using var timeout = new CancellationTokenSource(options.PublishTimeout);
        try
        {
            await publisher.PublishAsync(prepared.ToMessages(http.TraceIdentifier), timeout.Token);
        }
        catch (Exception ex) when (ex is EventPublishException or OperationCanceledException or TimeoutException)
        {
            IngestLog.PublishFailed(logger, ex, prepared.Count, caller.Name, http.TraceIdentifier);
            if (idempotent is { } held)
            {
                await RecordAsync(caller, http, () => idempotency.ReleaseAsync(held.Key.PartitionKey, held.Key.Fingerprint, held.Claim, CancellationToken.None));
            }

            http.Response.Headers.RetryAfter = "1";
            return Problem.Unavailable(
                "The queue did not accept the request",
                "Some or none of its events may be queued; retry the request (with the same Idempotency-Key, if it had one).");
        }

        if (idempotent is { } completed)
        {
            var response = Encoding.UTF8.GetString(prepared.Response);
            await RecordAsync(caller, http, () => idempotency.CompleteAsync(
                completed.Key.PartitionKey, completed.Key.Fingerprint, completed.Claim, StatusCodes.Status202Accepted, response, CancellationToken.None));
        }

        IngestLog.Accepted(logger, prepared.Count, caller.Name, http.TraceIdentifier);
        return new JsonBytesResult(StatusCodes.Status202Accepted, prepared.Response);
    }

    /// <summary>The events are queued whatever happens here, so a failure to record it is logged, not answered.</summary>
    private async Task RecordAsync(ApiCaller caller, HttpContext http, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            IngestLog.IdempotencyRecordFailed(logger, ex, caller.Name, http.TraceIdentifier);
        }
    }

    /// <summary>The request paid one token at the door; each further event of the write pays one more, so a batch of N costs N.</summary>
    /// <remarks>
    /// Only valid writes get here, so the count is real. A batch over the whole bucket could never pass, however long
    /// the producer waited: 413 (send smaller batches), not a 429 whose Retry-After would be a lie.
    /// </remarks>
    private ProblemResult? ChargeEvents(HttpContext http, ApiCaller caller, int events)
    {
        var capacity = rateLimiter.Capacity(caller);
        if (events > capacity)
        {
            return Problem.BatchOverRateLimit(events, capacity);
        }

        return rateLimiter.TryAcquireMore(caller, events - 1) is { } wait
            ? Problem.TooManyRequests(ApiKeyFilter.RetryAfter(http, wait))
            : null;
    }

    private static bool IsValidIdempotencyKey(string? key)
    {
        if (key is not { Length: > 0 and <= MaxIdempotencyKeyLength })
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct IdempotencyScope(string PartitionKey, string Fingerprint);
}
