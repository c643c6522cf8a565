using System.Buffers;
using System.Globalization;
using System.Text;

namespace GymCoach.Contracts.Validation;

/// <summary>What a user, workout or exercise id may hold, defined once for the API, the workers and the read side.</summary>
/// <remarks>
/// Letters, marks, digits, punctuation, symbols and the plain space, at most <see cref="MaxLength"/> code points.
/// Everything else can hide or move text, break a terminal or a log line, or be refused by SQS in a message attribute:
/// control characters, bidirectional-text controls, zero-width and other format characters, private-use and
/// unassigned code points, lone surrogates, line and paragraph separators and spaces other than U+0020.
/// </remarks>
internal static class IdAlphabet
{
    /// <summary>The longest id, counted in Unicode code points (not UTF-16 units), on write and on read alike.</summary>
    public const int MaxLength = 128;

    public const string Description = "ids may hold letters, marks, digits, punctuation, symbols and plain spaces";

    private static readonly SearchValues<char> Bidi = SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");
    private static readonly SearchValues<char> ZeroWidth = SearchValues.Create("\u200B\u200C\u200D\u2060\uFEFF");

    /// <summary>Counts code points; a lone surrogate counts as one.</summary>
    public static int Length(string value)
    {
        var length = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            length++;
        }

        return length;
    }

    /// <summary>The first code point an id may not hold, with its 1-based position in code points, and what kind it is.</summary>
    /// <returns>False when every code point is allowed.</returns>
    public static bool TryFindForbidden(string value, out int position, out int codePoint, out string kind)
    {
        var text = value.AsSpan();
        position = 0;
        while (!text.IsEmpty)
        {
            position++;
            if (Rune.DecodeFromUtf16(text, out var rune, out var consumed) != OperationStatus.Done)
            {
                codePoint = text[0];
                kind = "a lone surrogate, not a character";
                return true;
            }

            codePoint = rune.Value;
            if (Kind(rune) is { } found)
            {
                kind = found;
                return true;
            }

            text = text[consumed..];
        }

        codePoint = 0;
        kind = string.Empty;
        return false;
    }

    /// <summary>The code point as it is written in the standard, for example <c>U+202E</c>.</summary>
    public static string Name(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>Whether an id may not hold <paramref name="rune"/>.</summary>
    public static bool IsForbidden(Rune rune) => Kind(rune) is not null;

    private static string? Kind(Rune rune)
    {
        if (rune.IsBmp && Bidi.Contains((char)rune.Value))
        {
            return "a bidirectional-text control";
        }

        if (rune.IsBmp && ZeroWidth.Contains((char)rune.Value))
        {
            return "a zero-width character";
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => "a control character",
            UnicodeCategory.Format => "an invisible format character",
            UnicodeCategory.Surrogate => "a lone surrogate, not a character",
            UnicodeCategory.PrivateUse => "a private-use character",
            UnicodeCategory.OtherNotAssigned => "an unassigned code point",
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "a line or paragraph separator",
            UnicodeCategory.SpaceSeparator when rune.Value != ' ' => "a space other than the plain space U+0020",
            _ => null,
        };
    }
}
