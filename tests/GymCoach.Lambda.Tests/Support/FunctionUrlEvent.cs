using System.Text;
using System.Text.Json;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>A request as a function URL delivers it (payload format 2.0), which can also be sent to Kestrel as plain HTTP.</summary>
/// <param name="PathAndQuery">The raw target, e.g. <c>/v1/users/a%20b/analytics?x=1</c>.</param>
/// <param name="Headers">Lower-case names, as function URLs deliver them; repeated values joined by commas.</param>
internal sealed record FunctionUrlEvent(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> Cookies,
    byte[] Body,
    bool Base64)
{
    public const string SourceIp = "203.0.113.7";
    public const string Domain = "abcdefghij0123456789abcdefghij01.lambda-url.eu-west-1.on.aws";

    public static FunctionUrlEvent Post(string path, string json, string? apiKey, string correlationId, bool base64 = false) => new(
        "POST",
        path,
        ApiHeaders(apiKey, correlationId, ("content-type", "application/json")),
        [],
        Encoding.UTF8.GetBytes(json),
        base64);

    public static FunctionUrlEvent Get(string pathAndQuery, string? apiKey, string correlationId) =>
        new("GET", pathAndQuery, ApiHeaders(apiKey, correlationId), [], [], false);

    public static Dictionary<string, string> ApiHeaders(string? apiKey, string correlationId, params (string Name, string Value)[] more)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = Domain,
            ["x-correlation-id"] = correlationId,
            ["user-agent"] = "gymcoach-tests",
        };
        if (apiKey is not null)
        {
            headers["x-api-key"] = apiKey;
        }

        foreach (var (name, value) in more)
        {
            headers[name] = value;
        }

        return headers;
    }

    /// <summary>The event JSON Lambda hands the function.</summary>
    public string Json()
    {
        var query = PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("version", "2.0");
            json.WriteString("routeKey", "$default");
            json.WriteString("rawPath", query < 0 ? PathAndQuery : PathAndQuery[..query]);
            json.WriteString("rawQueryString", query < 0 ? string.Empty : PathAndQuery[(query + 1)..]);
            if (Cookies.Count > 0)
            {
                json.WriteStartArray("cookies");
                foreach (var cookie in Cookies)
                {
                    json.WriteStringValue(cookie);
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("headers");
            foreach (var (name, value) in Headers)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteStartObject("requestContext");
            json.WriteString("accountId", "anonymous");
            json.WriteString("apiId", "abcdefghij0123456789abcdefghij01");
            json.WriteString("domainName", Domain);
            json.WriteString("domainPrefix", "abcdefghij0123456789abcdefghij01");
            json.WriteStartObject("http");
            json.WriteString("method", Method);
            json.WriteString("path", Uri.UnescapeDataString(query < 0 ? PathAndQuery : PathAndQuery[..query]));
            json.WriteString("protocol", "HTTP/1.1");
            json.WriteString("sourceIp", SourceIp);
            json.WriteString("userAgent", "gymcoach-tests");
            json.WriteEndObject();
            json.WriteString("requestId", Guid.NewGuid().ToString());
            json.WriteString("routeKey", "$default");
            json.WriteString("stage", "$default");
            json.WriteNumber("timeEpoch", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            json.WriteEndObject();
            if (Body.Length > 0)
            {
                json.WriteString("body", Base64 ? Convert.ToBase64String(Body) : Encoding.UTF8.GetString(Body));
            }

            json.WriteBoolean("isBase64Encoded", Base64);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The same request as plain HTTP, for Kestrel.</summary>
    public HttpRequestMessage ToHttpRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        if (Body.Length > 0)
        {
            request.Content = new ByteArrayContent(Body);
        }

        foreach (var (name, value) in Headers)
        {
            if (name == "host")
            {
                continue;
            }

            if (name == "content-type")
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
                continue;
            }

            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (Cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("cookie", string.Join("; ", Cookies));
        }

        return request;
    }
}
