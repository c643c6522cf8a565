using System.Text.Json;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>Reads the bootstrap's compact JSON log lines.</summary>
internal static class LogLines
{
    public static IReadOnlyList<JsonElement> Parse(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <summary>The outcome lines (one per invocation the batch processor completed), in order.</summary>
    public static IReadOnlyList<JsonElement> Outcomes(string output) =>
        [.. Parse(output).Where(line => line.TryGetProperty("DeadLetteredCount", out _))];

    public static int Count(this JsonElement line, string property) => line.GetProperty(property).GetInt32();
}
