using System.Globalization;
using System.Text.Json;

namespace GymCoach.Contracts.Events;

/// <summary>Turns a JSON parse failure into a poison-message reason that says where the body went wrong.</summary>
internal static class EventJsonFailure
{
    public static InvalidEventException Wrap(JsonException exception)
    {
        var message = exception.Message;

        // Reader errors already end with the position; missing-required and unmapped-member errors do not.
        if (exception.LineNumber is { } line && !message.Contains("LineNumber:", StringComparison.Ordinal))
        {
            message = string.Create(
                CultureInfo.InvariantCulture,
                $"{message} Path: {exception.Path ?? "$"} | LineNumber: {line} | BytePositionInLine: {exception.BytePositionInLine}.");
        }

        // The path can quote the producer's property names, raw.
        return new InvalidEventException($"invalid event JSON: {Validation.ProducerText.Escape(message)}", exception);
    }
}
