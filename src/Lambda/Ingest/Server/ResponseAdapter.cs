using System.Text;
using GymCoach.Ingest.Lambda.Events;
using Microsoft.Net.Http.Headers;

namespace GymCoach.Ingest.Lambda.Server;

/// <summary>Turns the buffered response into a payload format 2.0 answer: text bodies as they are, anything else base64.</summary>
internal static class ResponseAdapter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static FunctionUrlResponse ToResponse(InvocationFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var response = features.Response;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        List<string>? cookies = null;
        foreach (var (name, values) in response.Headers)
        {
            if (string.Equals(name, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
            {
                // Set-Cookie values may hold commas (Expires=…), so they cannot share one header value.
                cookies ??= [];
                cookies.AddRange(values.Where(value => value is not null)!);
                continue;
            }

            headers[name] = values.ToString();
        }

        var bytes = features.ResponseBuffer.GetBuffer().AsSpan(0, (int)features.ResponseBuffer.Length);
        var text = IsText(response.Headers.ContentType.ToString()) ? TryDecode(bytes) : null;
        return new FunctionUrlResponse
        {
            StatusCode = response.StatusCode,
            Headers = headers,
            Cookies = cookies,
            Body = text ?? Convert.ToBase64String(bytes),
            IsBase64Encoded = text is null && bytes.Length > 0,
        };
    }

    /// <summary>JSON, problem details, XML and <c>text/*</c> go as text, readable in logs and tests; anything else as base64.</summary>
    internal static bool IsText(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
    }

    private static string? TryDecode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
