using System.Text.RegularExpressions;

namespace GymCoach.Workers.Logging;

/// <summary>What must never reach a log: API keys and credentials, and personal data (display names, bodyweight).</summary>
/// <remarks>
/// Names are compared without case, dashes or underscores, so <c>displayName</c>, <c>DisplayName</c>, <c>display_name</c>
/// and <c>X-Api-Key</c> all match. Free text (a logged body, an exception message) is scrubbed of JSON members and
/// header-like pairs with those names.
/// </remarks>
internal static partial class SensitiveData
{
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "apikey", "xapikey", "apikeys", "authorization", "password", "secret", "token", "accesstoken",
        "displayname", "bodyweight", "bodyweightkg", "bodyweightlb", "bodyweightunit",
    };

    public static bool IsSensitiveName(string name)
    {
        Span<char> normal = stackalloc char[Math.Min(name.Length, 64)];
        var length = 0;
        foreach (var c in name)
        {
            if (c is '-' or '_' or ' ')
            {
                continue;
            }

            if (length == normal.Length)
            {
                return false; // Longer than any sensitive name.
            }

            normal[length++] = char.ToLowerInvariant(c);
        }

        return Names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(normal[..length]);
    }

    /// <summary>The text with the values of sensitive JSON members and <c>name: value</c> / <c>name=value</c> pairs replaced.</summary>
    public static string Scrub(string text)
    {
        if (text.Length < 6 || !MayContain().IsMatch(text))
        {
            return text;
        }

        text = JsonMember().Replace(text, static m => m.Groups["key"].Value + "\"" + Redacted + "\"");
        return Pair().Replace(text, static m => m.Groups["key"].Value + Redacted);
    }

    [GeneratedRegex(@"api[-_ ]?key|authorization|password|secret|token|display[-_ ]?name|body[-_ ]?weight", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MayContain();

    // "displayName": "Ann", "bodyweightKg": 81.5, "apiKey": null — any JSON scalar value.
    [GeneratedRegex(
        @"(?<key>""(?:x[-_]?)?(?:api[-_]?key|authorization|password|secret|(?:access[-_]?)?token|display[-_]?name|body[-_]?weight(?:[-_]?(?:kg|lb|unit))?)""\s*:\s*)(?:""(?:[^""\\]|\\.)*""|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonMember();

    // X-Api-Key: abc, apiKey=abc, Authorization: Bearer abc (up to the end of the value).
    [GeneratedRegex(
        @"(?<key>\b(?:x[-_]?)?(?:api[-_]?key|authorization|password|secret|(?:access[-_]?)?token)\s*[:=]\s*)(?:bearer\s+|basic\s+)?[^\s,;&""']+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pair();
}
