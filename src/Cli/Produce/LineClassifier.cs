using System.Text.Json;
using GymCoach.Contracts.Events;

namespace GymCoach.Cli.Produce;

/// <summary>Decides what a line is: a CloudEvent (by its <c>specversion</c>), whose data goes to the endpoint of its type, or else a bare workout.</summary>
/// <remarks>Only the envelope is looked at; the data is posted as written, so the API judges it by its own rules.</remarks>
internal static class LineClassifier
{
    public static ProduceLine Classify(int number, string text, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"not a JSON object ({root.ValueKind})";
                return Rejected(number);
            }

            if (!root.TryGetProperty("specversion", out _))
            {
                return new ProduceLine(number, LineKind.Workout, text);
            }

            var type = root.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
            LineKind? kind = type switch
            {
                EventTypes.WorkoutLogged => LineKind.Workout,
                EventTypes.ProfileUpdated => LineKind.Profile,
                EventTypes.AnalyticsRecompute => LineKind.Recompute,
                _ => null,
            };
            if (kind is null)
            {
                error = type is null ? "a CloudEvent without a string 'type'" : $"unknown event type '{Shorten(type)}'";
                return Rejected(number);
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                error = "a CloudEvent without a 'data' object";
                return Rejected(number);
            }

            return new ProduceLine(number, kind.Value, data.GetRawText());
        }
        catch (JsonException ex)
        {
            error = $"not valid JSON (position {ex.BytePositionInLine + 1})";
            return Rejected(number);
        }
    }

    private static ProduceLine Rejected(int number) => new(number, LineKind.Workout, string.Empty);

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
