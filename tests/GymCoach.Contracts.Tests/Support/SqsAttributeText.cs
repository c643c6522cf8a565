using System.Text;

namespace GymCoach.Contracts.Tests.Support;

/// <summary>The characters Amazon SQS accepts in a message attribute's string value: #x9, #xA, #xD, #x20–#xD7FF, #xE000–#xFFFD, #x10000–#x10FFFF.</summary>
internal static class SqsAttributeText
{
    public static bool IsValid(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            var allowed = value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or >= 0x10000;
            if (!allowed || rune == Rune.ReplacementChar)
            {
                return false;
            }
        }

        return true;
    }
}
