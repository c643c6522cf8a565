using System.Text.Json;

namespace GymCoach.Workers.Analytics;

/// <summary>Reads and writes <see cref="AnalyticsDocument"/> JSON.</summary>
public static class AnalyticsJson
{
    // A separate options instance so that pretty-printing for people never changes what is stored.
    private static readonly AnalyticsJsonContext Indented =
        new(new JsonSerializerOptions(AnalyticsJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>The document as compact JSON, or indented for people to read.</summary>
    public static string Serialize(AnalyticsDocument document, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        var context = indented ? Indented : AnalyticsJsonContext.Default;
        return JsonSerializer.Serialize(document, context.AnalyticsDocument);
    }

    /// <summary>The document as compact UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(AnalyticsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.SerializeToUtf8Bytes(document, AnalyticsJsonContext.Default.AnalyticsDocument);
    }

    /// <exception cref="JsonException">The JSON is not an analytics document.</exception>
    public static AnalyticsDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, AnalyticsJsonContext.Default.AnalyticsDocument)
            ?? throw new JsonException("The analytics document is null.");
    }

    /// <exception cref="JsonException">The UTF-8 JSON is not an analytics document.</exception>
    public static AnalyticsDocument Parse(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, AnalyticsJsonContext.Default.AnalyticsDocument)
        ?? throw new JsonException("The analytics document is null.");
}
