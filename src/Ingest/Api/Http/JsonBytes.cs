using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Http;

/// <summary>Writes a body that is already UTF-8 JSON, with its length, in one write.</summary>
internal static class JsonBytes
{
    public const string ContentType = "application/json; charset=utf-8";

    public static Task WriteAsync(HttpResponse response, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }
}
