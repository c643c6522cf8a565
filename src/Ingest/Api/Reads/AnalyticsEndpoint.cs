using System.Globalization;
using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Http;
using GymCoach.Ingest.Api.Problems;
using GymCoach.Workers.ReadSide;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Reads;

/// <summary><c>GET /v1/users/{userId}/analytics</c>: the precomputed document, cache-first, with an ETag and a private max-age.</summary>
internal sealed class AnalyticsEndpoint(AnalyticsReader reader, IngestApiOptions options)
{
    private readonly string _cacheControl = string.Create(CultureInfo.InvariantCulture, $"private, max-age={(int)options.AnalyticsMaxAge.TotalSeconds}");

    public async Task<IResult> GetAsync(string userId, HttpContext http, CancellationToken cancellationToken)
    {
        // The rule every write obeys, so any id that could be stored can be read, and nothing else is looked up.
        if (EventValidator.ValidateId("userId", userId) is { Count: > 0 } errors)
        {
            return Problem.InvalidFields(errors);
        }

        // The cached JSON is served as it is, with the ETag computed when it was cached: a hit neither decodes nor hashes.
        if (await reader.GetEncodedAsync(userId, cancellationToken) is not { } document)
        {
            return Problem.NotFound("No analytics for this user", "Unknown user, or none of their workouts has been processed yet.");
        }

        var headers = http.Response.Headers;
        headers.ETag = document.ETag;
        headers.CacheControl = _cacheControl;
        if (EntityTags.Matches(http.Request.Headers.IfNoneMatch, document.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return new CachedDocumentResult(document);
    }
}
