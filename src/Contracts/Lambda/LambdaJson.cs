using System.Text.Json;

namespace GymCoach.Contracts.Lambda;

/// <summary>Reads and writes the Lambda SQS wire types.</summary>
public static class LambdaJson
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses an SQS event; a leading UTF-8 byte order mark is accepted, as real events may carry one.</summary>
    /// <exception cref="JsonException">The document is not a valid SQS event (null, without Records, or with a null record).</exception>
    public static SqsEvent ParseEvent(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        var sqsEvent = JsonSerializer.Deserialize(utf8Json, LambdaJsonContext.Default.SqsEvent)
            ?? throw new JsonException("The SQS event is null.");
        if (sqsEvent.Records is null)
        {
            throw new JsonException("The SQS event has no Records array.");
        }

        // Lambda never sends one; a null record has no id to report or delete, so the event as a whole is refused
        // before any record is handled, rather than after the others' side effects.
        return sqsEvent.Records.Contains(null!) ? throw new JsonException("The SQS event's Records array holds a null record.") : sqsEvent;
    }

    public static byte[] Serialize(SqsBatchResponse response) =>
        JsonSerializer.SerializeToUtf8Bytes(response, LambdaJsonContext.Default.SqsBatchResponse);

    public static byte[] Serialize(SqsEvent sqsEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(sqsEvent, LambdaJsonContext.Default.SqsEvent);

    public static SqsBatchResponse ParseResponse(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, LambdaJsonContext.Default.SqsBatchResponse)
        ?? throw new JsonException("The batch response is null.");
}
