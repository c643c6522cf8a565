using System.Text.Json;

namespace GymCoach.Ingest.Tests.Support;

/// <summary>A problem details response, read the way a producer would.</summary>
internal sealed class ProblemJson
{
    private ProblemJson(JsonElement root)
    {
        Root = root;
    }

    public JsonElement Root { get; }

    public int Status => Root.GetProperty("status").GetInt32();

    public string Title => Root.GetProperty("title").GetString()!;

    public IReadOnlyDictionary<string, string[]> Errors =>
        Root.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray())
            : new Dictionary<string, string[]>();

    public static async Task<ProblemJson> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new ProblemJson(document.RootElement.Clone());
    }
}
