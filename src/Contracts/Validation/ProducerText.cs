using System.Buffers;
using System.Globalization;
using System.Text;

namespace GymCoach.Contracts.Validation;

/// <summary>Quotes producer-supplied text where people and services read it: logs, terminals, dead-letter reasons.</summary>
/// <remarks>
/// Escaped, because SQS refuses control characters in message attributes and a terminal obeys escape sequences (a
/// workout id holding <c>ESC[2J</c> would clear the screen of whoever lists the dead letters).
/// </remarks>
public static class ProducerText
{
    private const int MaxEchoedLength = 64;

    /// <summary>
    /// Writes every code point that ids may not hold (<see cref="IdAlphabet"/>: control, bidi, zero-width and other
    /// format characters, unassigned and private-use code points, lone surrogates, separators and odd spaces) as
    /// <c>\u001B</c>, or <c>\U0001XXXX</c> beyond the BMP; everything else, any script or emoji, stays as it is.
    /// </summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value) || !IdAlphabet.TryFindForbidden(value, out _, out _, out _))
        {
            return value ?? string.Empty;
        }

        var escaped = new StringBuilder(value.Length + 16);
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)rest[0]:X4}");
                rest = rest[1..];
                continue;
            }

            if (IdAlphabet.IsForbidden(rune))
            {
                escaped.Append(rune.IsBmp
                    ? string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}")
                    : string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:X8}"));
            }
            else
            {
                escaped.Append(rest[..consumed]);
            }

            rest = rest[consumed..];
        }

        return escaped.ToString();
    }

    /// <summary>Escapes and shortens the value, so a hostile or broken producer cannot blow up a log line or a reason attribute.</summary>
    internal static string Echo(string value) =>
        Escape(value.Length <= MaxEchoedLength ? value : string.Concat(value.AsSpan(0, MaxEchoedLength), "…"));
}
