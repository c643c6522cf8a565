using Microsoft.Extensions.Logging;

namespace GymCoach.Ingest.Api;

/// <summary>The API's log lines: key names, counts and correlation ids only, never keys, bodies or user data.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Accepted {EventCount} events from {ApiKeyName} ({CorrelationId})")]
    public static partial void Accepted(ILogger logger, int eventCount, string apiKeyName, string correlationId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Publishing {EventCount} events from {ApiKeyName} failed ({CorrelationId})")]
    public static partial void PublishFailed(ILogger logger, Exception exception, int eventCount, string apiKeyName, string correlationId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Replayed the response to an idempotent retry from {ApiKeyName} ({CorrelationId})")]
    public static partial void Replayed(ILogger logger, string apiKeyName, string correlationId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Could not record the outcome of an idempotent request from {ApiKeyName} ({CorrelationId})")]
    public static partial void IdempotencyRecordFailed(ILogger logger, Exception exception, string apiKeyName, string correlationId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Readiness check failed: {Dependency} is {Status}")]
    public static partial void NotReady(ILogger logger, string dependency, string status);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Unhandled error on {Path} ({CorrelationId})")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path, string correlationId);
}
