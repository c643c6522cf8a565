using System.Buffers;
using System.IO.Pipelines;
using GymCoach.Ingest.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GymCoach.Ingest.Api.Http;

/// <summary>A JSON request body read whole into a pooled buffer, or the problem that kept it from being read.</summary>
internal sealed class RequestBody : IDisposable
{
    private byte[]? _buffer;

    private RequestBody(byte[]? buffer, int length, ProblemResult? problem)
    {
        _buffer = buffer;
        Length = length;
        Problem = problem;
    }

    public ProblemResult? Problem { get; }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>Checks the content type (415) and the size (413, before reading when Content-Length tells), then reads the body.</summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return new RequestBody(null, 0, Problems.Problem.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > maxBytes)
        {
            return new RequestBody(null, 0, Problems.Problem.TooLarge(maxBytes));
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.End);
                return new RequestBody(null, 0, Problems.Problem.TooLarge(maxBytes));
            }

            if (result.IsCompleted)
            {
                return Copy(reader, buffer);
            }

            // Nothing consumed, everything examined: the pipe keeps the bytes and waits for more.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static RequestBody Copy(PipeReader reader, ReadOnlySequence<byte> buffer)
    {
        var length = (int)buffer.Length;
        var copy = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        buffer.CopyTo(copy);
        reader.AdvanceTo(buffer.End);
        return new RequestBody(copy, length, null);
    }

    /// <summary><c>application/json</c>, optionally with <c>charset=utf-8</c>; JSON in another charset is not JSON to this API.</summary>
    private static bool IsJson(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        if (contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            && (mediaType.Charset.Length == 0 || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }
}
