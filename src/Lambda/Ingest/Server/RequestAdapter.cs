using System.Net;
using System.Text;
using GymCoach.Ingest.Lambda.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace GymCoach.Ingest.Lambda.Server;

/// <summary>Turns a payload format 2.0 event into the request features ASP.NET Core reads, as Kestrel would from the same HTTP request.</summary>
internal static class RequestAdapter
{
    /// <exception cref="FormatException">The event's body claims base64 and is not.</exception>
    public static InvocationFeatures ToFeatures(FunctionUrlRequest request, string invocationId, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.RequestContext?.Http;
        var rawPath = string.IsNullOrEmpty(request.RawPath) ? "/" : request.RawPath;
        var query = string.IsNullOrEmpty(request.RawQueryString) ? string.Empty : "?" + request.RawQueryString;
        var body = Body(request);
        var feature = new HttpRequestFeature
        {
            Protocol = string.IsNullOrEmpty(http?.Protocol) ? "HTTP/1.1" : http.Protocol,

            // Function URLs and HTTP APIs answer over TLS only.
            Scheme = "https",
            Method = string.IsNullOrEmpty(http?.Method) ? HttpMethods.Get : http.Method.ToUpperInvariant(),
            PathBase = string.Empty,

            // Decoded as Kestrel decodes it (an encoded '/' stays encoded), so routes bind the same values.
            Path = PathString.FromUriComponent(rawPath).Value ?? "/",
            QueryString = query,
            RawTarget = rawPath + query,
            Headers = Headers(request, body.Length),
            Body = new MemoryStream(body, writable: false),
        };
        var connection = new HttpConnectionFeature
        {
            ConnectionId = invocationId,
            RemoteIpAddress = IPAddress.TryParse(http?.SourceIp, out var address) ? address : null,
            LocalIpAddress = IPAddress.Loopback,
        };
        return new InvocationFeatures(feature, connection, request.RequestContext?.RequestId ?? invocationId, aborted);
    }

    private static byte[] Body(FunctionUrlRequest request)
    {
        if (string.IsNullOrEmpty(request.Body))
        {
            return [];
        }

        return request.IsBase64Encoded ? Convert.FromBase64String(request.Body) : Encoding.UTF8.GetBytes(request.Body);
    }

    private static IHeaderDictionary Headers(FunctionUrlRequest request, int bodyLength)
    {
        IHeaderDictionary headers = new HeaderDictionary();
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            // Repeated headers arrive joined by commas: the same single value Kestrel's joined view shows.
            headers.Append(name, value);
        }

        if (request.Cookies is { Count: > 0 } cookies)
        {
            headers[HeaderNames.Cookie] = string.Join("; ", cookies);
        }

        if (string.IsNullOrEmpty(headers.Host) && request.RequestContext?.DomainName is { Length: > 0 } domain)
        {
            headers.Host = domain;
        }

        // The body was decoded from the event, so its length is known whatever the client declared or chunked.
        headers.Remove(HeaderNames.TransferEncoding);
        if (bodyLength > 0 || headers.ContentLength is not null)
        {
            headers.ContentLength = bodyLength;
        }

        return headers;
    }
}
