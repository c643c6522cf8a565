using System.Globalization;
using GymCoach.Contracts.Validation;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Problems;

/// <summary>The problems the API answers with, one method per kind, so every response of a kind reads the same.</summary>
internal static class Problem
{
    private const string Rfc9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-";

    public static ProblemResult InvalidFields(IReadOnlyList<ValidationError> errors) => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.1",
        Title = "The request has invalid fields",
        Status = StatusCodes.Status400BadRequest,
        Detail = errors.Count == 1 ? "1 field is invalid; see errors." : Format($"{errors.Count} fields are invalid; see errors."),
        Errors = ToDictionary(errors),
    });

    public static ProblemResult MalformedJson(string field, string message, long line, long position) => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.1",
        Title = "The request body is not valid JSON for this endpoint",
        Status = StatusCodes.Status400BadRequest,
        Detail = Format($"At line {line}, position {position} ({field}): {message}"),
        Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] },
        Line = line,
        Position = position,
    });

    public static ProblemResult BadHeader(string header, string message) => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.1",
        Title = "The request has an invalid header",
        Status = StatusCodes.Status400BadRequest,
        Detail = $"{header} {message}",
        Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { [header] = [message] },
    });

    public static ProblemResult ForeignHost(string host) => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.1",
        Title = "The request names a host this API does not serve",
        Status = StatusCodes.Status400BadRequest,
        Detail = $"Host '{Shorten(host)}' is not allowed; the API answers to its configured host names only (by default localhost, 127.0.0.1 and [::1]).",
        Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["Host"] = ["is not an allowed host name"] },
    });

    public static ProblemResult Unauthorized() => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.2",
        Title = "A valid API key is required",
        Status = StatusCodes.Status401Unauthorized,
        Detail = "Send your API key in the X-Api-Key header.",
    });

    public static ProblemResult Forbidden(string operation) => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.4",
        Title = "The API key is not allowed this operation",
        Status = StatusCodes.Status403Forbidden,
        Detail = $"This endpoint needs the '{operation}' operation, which the key does not have.",
    });

    public static ProblemResult NotFound(string title, string detail) => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.5",
        Title = title,
        Status = StatusCodes.Status404NotFound,
        Detail = detail,
    });

    public static ProblemResult MethodNotAllowed() => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.6",
        Title = "The endpoint does not support this method",
        Status = StatusCodes.Status405MethodNotAllowed,
        Detail = "See /openapi/v1.json for the API's endpoints and their methods.",
    });

    public static ProblemResult InProgress() => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.10",
        Title = "A request with this Idempotency-Key is still in progress",
        Status = StatusCodes.Status409Conflict,
        Detail = "Retry after the first request has been answered.",
    });

    public static ProblemResult TooLarge(long maxBytes) => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.14",
        Title = "The request body is too large",
        Status = StatusCodes.Status413PayloadTooLarge,
        Detail = Format($"This endpoint accepts at most {maxBytes} bytes."),
    });

    public static ProblemResult BatchOverRateLimit(int events, int capacity) => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.14",
        Title = "The batch has more events than the API key's rate limit allows at once",
        Status = StatusCodes.Status413PayloadTooLarge,
        Detail = Format($"Each workout costs one request of the key's rate limit, and this key's bucket holds {capacity}: send at most {capacity} workouts per request (this one had {events})."),
    });

    public static ProblemResult UnsupportedMediaType(string? contentType) => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.16",
        Title = "The request body must be JSON",
        Status = StatusCodes.Status415UnsupportedMediaType,
        Detail = contentType is null
            ? "Send Content-Type: application/json."
            : $"Send Content-Type: application/json (UTF-8), not '{Shorten(contentType)}'.",
    });

    public static ProblemResult IdempotencyKeyReused() => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.5.21",
        Title = "The Idempotency-Key was used for a different request",
        Status = StatusCodes.Status422UnprocessableEntity,
        Detail = "A retry must repeat the first request exactly; use a new key for a new request.",
    });

    public static ProblemResult TooManyRequests(int retryAfterSeconds) => new(new ProblemDocument
    {
        Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        Title = "Too many requests for this API key",
        Status = StatusCodes.Status429TooManyRequests,
        Detail = Format($"Retry after {retryAfterSeconds} s."),
    });

    public static ProblemResult TooManyFailedAuthentications(int retryAfterSeconds) => new(new ProblemDocument
    {
        Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        Title = "Too many failed authentications from this address",
        Status = StatusCodes.Status429TooManyRequests,
        Detail = Format($"Too many wrong API keys were sent from this address; every request needing a key is refused for {retryAfterSeconds} s."),
    });

    public static ProblemResult Unavailable(string title, string detail) => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.6.4",
        Title = title,
        Status = StatusCodes.Status503ServiceUnavailable,
        Detail = detail,
    });

    public static ProblemResult InternalError() => new(new ProblemDocument
    {
        Type = Rfc9110 + "15.6.1",
        Title = "An unexpected error occurred",
        Status = StatusCodes.Status500InternalServerError,
        Detail = "The error was logged with this request's correlation id.",
    });

    private static Dictionary<string, string[]> ToDictionary(IReadOnlyList<ValidationError> errors)
    {
        var grouped = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            grouped[error.Field] = grouped.TryGetValue(error.Field, out var messages) ? [.. messages, error.Message] : [error.Message];
        }

        return grouped;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
