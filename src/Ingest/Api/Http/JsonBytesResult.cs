using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Http;

/// <summary>A response whose JSON body was serialized (or replayed) already.</summary>
internal sealed class JsonBytesResult(int status, ReadOnlyMemory<byte> body) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public Task ExecuteAsync(HttpContext httpContext) => JsonBytes.WriteAsync(httpContext.Response, status, JsonBytes.ContentType, body);
}
