using System.Text.Json;
using GymCoach.Contracts.Validation;

namespace GymCoach.Ingest.Api.Parsing;

/// <summary>A JSON array whose items all have one shape.</summary>
internal sealed class ListShape(ShapeNode item) : ShapeNode
{
    public override void Check(JsonElement value, string path, Utf8JsonWriter output, List<ValidationError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            if (value.ValueKind != JsonValueKind.Null)
            {
                errors.Add(new ValidationError(path, "must be an array, was " + Describe(value)));
            }

            output.WriteNullValue();
            return;
        }

        output.WriteStartArray();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            item.Check(element, ItemPath(path, index++), output, errors);
        }

        output.WriteEndArray();
    }

    public override void WriteStandIn(Utf8JsonWriter output) => output.WriteNullValue();
}
