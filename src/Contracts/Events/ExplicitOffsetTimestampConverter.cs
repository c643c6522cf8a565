using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GymCoach.Contracts.Events;

/// <summary>Reads an ISO-8601 timestamp only when it states its offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
/// <remarks>
/// The default reader takes a timestamp without an offset as the machine's local time, which is UTC on Lambda and
/// something else on a laptop: the same event would mean different instants. Refusing it keeps the meaning fixed.
/// </remarks>
public sealed class ExplicitOffsetTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !HasExplicitOffset(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
        {
            throw new JsonException("must be an ISO-8601 timestamp with its offset, e.g. 2026-11-23T18:00:00Z");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    private static bool HasExplicitOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (time < 0)
        {
            return false;
        }

        var clock = text.AsSpan(time + 1);
        return clock.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || clock.IndexOfAny('+', '-') >= 0;
    }
}
