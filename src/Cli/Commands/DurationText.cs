using System.Globalization;

namespace GymCoach.Cli.Commands;

/// <summary>Whole-second durations as the command line writes them: <c>30s</c>, <c>2m</c>, <c>1h</c>, <c>4d</c>, or bare seconds (<c>30</c>).</summary>
/// <remarks>Whole seconds only, because SQS and Lambda take their timeouts in seconds: a value means the same on every backend.</remarks>
internal static class DurationText
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var (digits, unitSeconds) = text[^1] switch
        {
            's' => (text[..^1], 1L),
            'm' => (text[..^1], 60L),
            'h' => (text[..^1], 3600L),
            'd' => (text[..^1], 86_400L),
            _ => (text, 1L),
        };
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > int.MaxValue)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(count * unitSeconds);
        return true;
    }

    /// <summary>The shortest way to write <paramref name="value"/>: <c>1h</c>, <c>2m</c>, <c>90s</c>.</summary>
    public static string Format(TimeSpan value)
    {
        var seconds = (long)Math.Ceiling(value.TotalSeconds);
        return seconds != 0 && seconds % 86_400 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 86_400}d")
            : seconds != 0 && seconds % 3600 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}h")
            : seconds != 0 && seconds % 60 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds}s");
    }
}
