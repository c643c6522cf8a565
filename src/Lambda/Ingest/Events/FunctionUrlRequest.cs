namespace GymCoach.Ingest.Lambda.Events;

/// <summary>A function URL (or API Gateway HTTP API) request event, payload format 2.0: the fields the adapter reads.</summary>
/// <remarks>Multi-value headers arrive joined by commas, cookies apart from the headers, and a binary body base64-encoded.</remarks>
internal sealed record FunctionUrlRequest
{
    public string? Version { get; init; }

    /// <summary>The path as sent, still percent-encoded.</summary>
    public string? RawPath { get; init; }

    /// <summary>The query string as sent, without the <c>?</c>.</summary>
    public string? RawQueryString { get; init; }

    public IReadOnlyList<string>? Cookies { get; init; }

    /// <summary>Header names in lower case; values of a repeated header joined by commas.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public FunctionUrlRequestContext? RequestContext { get; init; }

    public string? Body { get; init; }

    public bool IsBase64Encoded { get; init; }
}
