using GymCoach.Ingest.Api.Http;
using GymCoach.Workers.Caching;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Reads;

/// <summary>A 200 whose body is a cached analytics document's JSON, written (decompressed if need be) straight into the response's buffer.</summary>
/// <remarks>Serving a hit this way allocates no copy of the document: at a few KB a read, that copy was most of what a read allocated.</remarks>
internal sealed class CachedDocumentResult(CachedDocument document) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonBytes.ContentType;
        response.ContentLength = document.JsonLength;
        document.WriteJsonTo(response.BodyWriter);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
