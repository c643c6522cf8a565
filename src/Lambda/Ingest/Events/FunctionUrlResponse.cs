namespace GymCoach.Ingest.Lambda.Events;

/// <summary>The function's answer in payload format 2.0: status, headers (repeated values joined by commas), <c>Set-Cookie</c> values apart, and the body.</summary>
internal sealed record FunctionUrlResponse
{
    public required int StatusCode { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Each <c>Set-Cookie</c> value; the headers map cannot carry several.</summary>
    public IReadOnlyList<string>? Cookies { get; init; }

    public required string Body { get; init; }

    public required bool IsBase64Encoded { get; init; }
}
