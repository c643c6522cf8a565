using System.Text.Json;

namespace GymCoach.Contracts.Events;

/// <summary>Finds the envelope's <c>type</c> with a forward-only reader, without building any objects for <c>data</c>.</summary>
internal static class EventTypeScanner
{
    /// <summary>Returns the top-level <c>type</c>, or null when there is none.</summary>
    /// <remarks>Reads to the end, so a body that is not well-formed JSON is rejected here rather than by a handler.</remarks>
    /// <exception cref="JsonException">The body is not well-formed JSON.</exception>
    /// <exception cref="InvalidEventException">The body is not an object, or its <c>type</c> is not a single, valid string.</exception>
    public static string? FindType(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidEventException($"event must be a JSON object, was {reader.TokenType}");
        }

        string? type = null;
        var seen = false;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1 || !reader.ValueTextEquals("type"u8))
            {
                continue;
            }

            // A second "type" would let the dispatcher and the full parser disagree on what the event is.
            if (seen)
            {
                throw new InvalidEventException("event has more than one 'type'");
            }

            seen = true;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new InvalidEventException($"event 'type' must be a string, was {reader.TokenType}");
            }

            try
            {
                type = reader.GetString();
            }
            catch (InvalidOperationException ex)
            {
                // An escaped lone surrogate ("\udc00") is well-formed JSON but no string: poison, not a crash.
                throw new InvalidEventException("event 'type' is not valid text (an escaped lone surrogate)", ex);
            }
        }

        return type;
    }
}
