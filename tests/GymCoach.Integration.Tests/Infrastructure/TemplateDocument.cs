using System.Text.Json;
using GymCoach.TestSupport;

namespace GymCoach.Integration.Tests.Infrastructure;

/// <summary>infrastructure/template.yaml as the JSON CloudFormation sees, decoded by cfn-lint's own decoder (YAML with CloudFormation tags).</summary>
internal static class TemplateDocument
{
    private const string ToJson = "import json,sys\nfrom cfnlint.decode import decode\nt,m=decode(sys.argv[1])\nprint(json.dumps(t))";

    public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot.Path, "infrastructure", "template.yaml");

    public static async Task<JsonDocument> LoadAsync()
    {
        var (exitCode, output, error) = await ExternalTool.RunAsync("python3", "cfn-lint (pip install cfn-lint)", null, "-c", ToJson, Path);
        Assert.True(exitCode == 0, error);
        return JsonDocument.Parse(output);
    }

    /// <summary>The resources of one type, by logical id.</summary>
    public static IReadOnlyList<(string Id, JsonElement Properties)> OfType(JsonDocument template, string type) =>
        [.. template.RootElement.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == type)
            .Select(r => (r.Name, r.Value.TryGetProperty("Properties", out var p) ? p : default))];

    /// <summary>A <c>{"Ref": id}</c>.</summary>
    public static bool IsRef(JsonElement value, string logicalId) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("Ref", out var target) && target.GetString() == logicalId;

    /// <summary>A <c>{"Fn::GetAtt": [id, attribute]}</c>.</summary>
    public static bool IsGetAtt(JsonElement value, string logicalId, string attribute) =>
        value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty("Fn::GetAtt", out var getAtt)
        && getAtt[0].GetString() == logicalId
        && getAtt[1].GetString() == attribute;

    /// <summary>A name as the template writes it: a plain string, or the text of a <c>{"Fn::Sub": …}</c>.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object when value.TryGetProperty("Fn::Sub", out var sub) && sub.ValueKind == JsonValueKind.String => sub.GetString(),
        _ => null,
    };

    /// <summary>One value or an array of them, as IAM and CloudFormation allow.</summary>
    public static IEnumerable<JsonElement> OneOrMany(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];
}
