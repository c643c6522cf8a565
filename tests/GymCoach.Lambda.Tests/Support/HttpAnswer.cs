using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>What a client sees of an answer: status, the headers that carry meaning, and the body with fresh ids blanked.</summary>
internal sealed record HttpAnswer(int Status, string? ContentType, string? WwwAuthenticate, string? CorrelationId, string Body)
{
    /// <summary>Bodies as a person reads them (U+202E, not \u002B), so tests can look for the text the API wrote.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Headers every answer shares with the same request on the other host; others (Date, Content-Length) may differ.</summary>
    public static HttpAnswer FromKestrel(HttpResponseMessage response, byte[] body) => new(
        (int)response.StatusCode,
        response.Content.Headers.ContentType?.ToString(),
        response.Headers.WwwAuthenticate.Count > 0 ? response.Headers.WwwAuthenticate.ToString() : null,
        response.Headers.TryGetValues("X-Correlation-Id", out var ids) ? string.Join(',', ids) : null,
        Normalize(body));

    /// <summary>The function's posted response document.</summary>
    public static HttpAnswer FromFunction(JsonElement response)
    {
        var headers = response.GetProperty("headers").EnumerateObject()
            .ToDictionary(header => header.Name, header => header.Value.GetString(), StringComparer.OrdinalIgnoreCase);
        var body = response.TryGetProperty("body", out var text) ? text.GetString() ?? string.Empty : string.Empty;
        var bytes = response.GetProperty("isBase64Encoded").GetBoolean() ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
        return new HttpAnswer(
            response.GetProperty("statusCode").GetInt32(),
            headers.GetValueOrDefault("Content-Type"),
            headers.GetValueOrDefault("WWW-Authenticate"),
            headers.GetValueOrDefault("X-Correlation-Id"),
            Normalize(bytes));
    }

    /// <summary>Event ids are fresh UUIDv7s on every host: the same shape, another value.</summary>
    private static string Normalize(byte[] body)
    {
        if (body.Length == 0)
        {
            return string.Empty;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(body);
        }

        if (node is JsonObject document)
        {
            if (document.ContainsKey("eventId"))
            {
                document["eventId"] = "<fresh id>";
            }

            if (document["eventIds"] is JsonArray ids)
            {
                document["eventIds"] = new JsonArray([.. ids.Select(_ => (JsonNode?)JsonValue.Create("<fresh id>"))]);
            }
        }

        return node?.ToJsonString(Readable) ?? "null";
    }
}
