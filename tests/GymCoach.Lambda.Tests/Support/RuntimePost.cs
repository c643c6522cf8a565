using System.Text.Json;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>What a runtime posted to the fake runtime API: a response, an invocation error or an init error.</summary>
/// <param name="Timestamp">When it arrived, from <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>.</param>
internal sealed record RuntimePost(RuntimePostKind Kind, string? RequestId, string Body, string? FunctionErrorType, long Timestamp)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>The message ids of a partial batch response, in order.</summary>
    public IReadOnlyList<string> FailedMessageIds =>
        [.. Json.GetProperty("batchItemFailures").EnumerateArray().Select(failure => failure.GetProperty("itemIdentifier").GetString()!)];
}

internal enum RuntimePostKind
{
    Response,
    Error,
    InitError,
}
