using System.Text.Json;

namespace GymCoach.Workers.Tests.Metrics;

/// <summary>
/// The rules of the CloudWatch embedded metric format specification
/// (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html),
/// written independently of the production writer so that a test can hold it to them.
/// </summary>
internal static class EmfSpec
{
    public const int MaxMetricsPerDirective = 100;
    public const int MaxDimensionsPerSet = 30;
    public const int MaxValuesPerMetric = 100;

    /// <summary>The units a MetricDefinition may name (the CloudWatch StandardUnit values).</summary>
    public static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
        "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
        "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    };

    private static readonly HashSet<string> DirectiveMembers = new(StringComparer.Ordinal) { "Namespace", "Dimensions", "Metrics" };
    private static readonly HashSet<string> DefinitionMembers = new(StringComparer.Ordinal) { "Name", "Unit", "StorageResolution" };

    /// <summary>Every rule <paramref name="line"/> breaks; empty when it is a valid EMF document.</summary>
    public static List<string> Violations(string line)
    {
        var errors = new List<string>();
        if (line.Contains('\n', StringComparison.Ordinal))
        {
            errors.Add("a document must be one log line");
        }

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("the root must be an object");
            return errors;
        }

        if (!root.TryGetProperty("_aws", out var aws) || aws.ValueKind != JsonValueKind.Object)
        {
            errors.Add("_aws must be an object");
            return errors;
        }

        if (!aws.TryGetProperty("Timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.Number
            || !timestamp.TryGetInt64(out var ms) || ms < 1_000_000_000_000 || ms > 9_999_999_999_999)
        {
            errors.Add("_aws.Timestamp must be a number of milliseconds since the epoch");
        }

        if (!aws.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array)
        {
            errors.Add("_aws.CloudWatchMetrics must be an array");
            return errors;
        }

        foreach (var directive in directives.EnumerateArray())
        {
            CheckDirective(root, directive, errors);
        }

        return errors;
    }

    private static void CheckDirective(JsonElement root, JsonElement directive, List<string> errors)
    {
        foreach (var member in directive.EnumerateObject())
        {
            if (!DirectiveMembers.Contains(member.Name))
            {
                errors.Add($"MetricDirective must not have the member {member.Name}");
            }
        }

        if (!directive.TryGetProperty("Namespace", out var ns) || ns.ValueKind != JsonValueKind.String || ns.GetString()!.Length is 0 or > 255)
        {
            errors.Add("Namespace must be a string of 1 to 255 characters");
        }

        if (!directive.TryGetProperty("Dimensions", out var sets) || sets.ValueKind != JsonValueKind.Array)
        {
            errors.Add("Dimensions must be an array of DimensionSets");
        }
        else
        {
            foreach (var set in sets.EnumerateArray())
            {
                if (set.ValueKind != JsonValueKind.Array || set.GetArrayLength() > MaxDimensionsPerSet)
                {
                    errors.Add($"a DimensionSet must be an array of at most {MaxDimensionsPerSet} keys");
                    continue;
                }

                foreach (var key in set.EnumerateArray())
                {
                    var name = key.GetString()!;
                    if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length is 0 or > 1024)
                    {
                        errors.Add($"dimension {name} must be a root member with a string value of 1 to 1024 characters");
                    }
                }
            }
        }

        if (!directive.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
        {
            errors.Add("Metrics must be an array of MetricDefinitions");
            return;
        }

        if (metrics.GetArrayLength() > MaxMetricsPerDirective)
        {
            errors.Add($"Metrics must hold at most {MaxMetricsPerDirective} MetricDefinitions");
        }

        foreach (var definition in metrics.EnumerateArray())
        {
            CheckDefinition(root, definition, errors);
        }
    }

    private static void CheckDefinition(JsonElement root, JsonElement definition, List<string> errors)
    {
        foreach (var member in definition.EnumerateObject())
        {
            if (!DefinitionMembers.Contains(member.Name))
            {
                errors.Add($"MetricDefinition must not have the member {member.Name}");
            }
        }

        if (!definition.TryGetProperty("Name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            errors.Add("MetricDefinition.Name is required");
            return;
        }

        var name = nameElement.GetString()!;
        if (definition.TryGetProperty("Unit", out var unit) && (unit.ValueKind != JsonValueKind.String || !Units.Contains(unit.GetString()!)))
        {
            errors.Add($"{name}: Unit {unit} is not a CloudWatch unit");
        }

        if (definition.TryGetProperty("StorageResolution", out var resolution) && resolution.GetRawText() is not ("1" or "60"))
        {
            errors.Add($"{name}: StorageResolution must be 1 or 60");
        }

        if (!root.TryGetProperty(name, out var value))
        {
            errors.Add($"metric {name} must be a root member");
            return;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            if (value.GetArrayLength() > MaxValuesPerMetric)
            {
                errors.Add($"metric {name} has {value.GetArrayLength()} values; at most {MaxValuesPerMetric}");
            }

            if (value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
            {
                errors.Add($"metric {name} must hold numbers only");
            }
        }
        else if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add($"metric {name} must be a number or an array of numbers");
        }
    }
}
