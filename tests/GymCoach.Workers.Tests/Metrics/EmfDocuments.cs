using System.Text.Json;
using GymCoach.Workers.Metrics;

namespace GymCoach.Workers.Tests.Metrics;

/// <summary>The EMF lines a recorder flushed, parsed, each checked against <see cref="EmfSpec"/>.</summary>
internal sealed class EmfDocuments
{
    private EmfDocuments(List<string> lines)
    {
        Lines = lines;
        Roots = [.. lines.Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    public List<string> Lines { get; }

    public List<JsonElement> Roots { get; }

    public static EmfDocuments Flush(MetricsRecorder recorder)
    {
        using var output = new StringWriter();
        var written = recorder.Flush(output);
        var documents = Parse(output.ToString());
        Assert.Equal(written, documents.Lines.Count);
        return documents;
    }

    public static EmfDocuments Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var line in lines)
        {
            Assert.Empty(EmfSpec.Violations(line));
        }

        return new EmfDocuments(lines);
    }

    /// <summary>The documents whose dimension values are these (in the order of the dimension set).</summary>
    public List<JsonElement> With(params string[] dimensionValues) =>
        [.. Roots.Where(root => DimensionValues(root).SequenceEqual(dimensionValues))];

    public static string[] DimensionNames(JsonElement root) =>
        [.. root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions")[0].EnumerateArray().Select(e => e.GetString()!)];

    public static string[] DimensionValues(JsonElement root) => [.. DimensionNames(root).Select(name => root.GetProperty(name).GetString()!)];

    /// <summary>The counter's sum over all documents, or null when no document has it.</summary>
    public double? Sum(string metric, params string[] dimensionValues)
    {
        var found = With(dimensionValues).Where(root => root.TryGetProperty(metric, out _)).ToList();
        return found.Count == 0 ? null : found.Sum(root => root.GetProperty(metric).GetDouble());
    }

    /// <summary>Every value of a distribution over all documents, in order.</summary>
    public List<double> Values(string metric, params string[] dimensionValues) =>
        [.. With(dimensionValues)
            .Where(root => root.TryGetProperty(metric, out _))
            .SelectMany(root => root.GetProperty(metric).EnumerateArray().Select(v => v.GetDouble()))];
}
