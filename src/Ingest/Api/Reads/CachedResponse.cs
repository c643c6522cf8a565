using GymCoach.Ingest.Api.Http;
using GymCoach.Workers.Caching;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Reads;

/// <summary>Answers a GET with a cached document: its ETag and Cache-Control, then 304 when the client holds it already, else its bytes.</summary>
internal static class CachedResponse
{
    public static IResult Send(HttpContext http, CachedJson document, string cacheControl)
    {
        var headers = http.Response.Headers;
        headers.ETag = document.ETag;
        headers.CacheControl = cacheControl;
        return EntityTags.Matches(http.Request.Headers.IfNoneMatch, document.ETag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : new JsonBytesResult(StatusCodes.Status200OK, document.Json);
    }
}
