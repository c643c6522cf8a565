using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GymCoach.Contracts.Validation;

namespace GymCoach.Ingest.Api.Parsing;

/// <summary>A single JSON value: a string, a number, a boolean, a timestamp or an enum name.</summary>
/// <param name="typeInfo">How the serializer reads the value, with the member's own converter if it has one; used to check timestamps and enum names.</param>
/// <param name="nullable">Whether null is a value (a nullable number): otherwise null is left to the data rules (reference types) or refused (value types).</param>
internal sealed class LeafShape(LeafKind kind, JsonTypeInfo typeInfo, bool nullable, IReadOnlyList<string> enumNames) : ShapeNode
{
    private const int MaxEchoedLength = 64;
    private const string Undecodable = "must be Unicode text, was a string with an unpaired surrogate escape (\\uD800–\\uDFFF without its pair)";

    public override void Check(JsonElement value, string path, Utf8JsonWriter output, List<ValidationError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null && (nullable || kind == LeafKind.String))
        {
            output.WriteNullValue();
            return;
        }

        if (Problem(value) is { } problem)
        {
            errors.Add(new ValidationError(path, problem));
            WriteStandIn(output);
            return;
        }

        value.WriteTo(output);
    }

    public override void WriteStandIn(Utf8JsonWriter output)
    {
        if (nullable)
        {
            output.WriteNullValue();
            return;
        }

        switch (kind)
        {
            case LeafKind.Integer or LeafKind.Decimal:
                output.WriteNumberValue(0);
                break;
            case LeafKind.Boolean:
                output.WriteBooleanValue(false);
                break;
            case LeafKind.Timestamp:
                output.WriteStringValue("2000-01-01T00:00:00Z");
                break;
            case LeafKind.Enum:
                output.WriteStringValue(enumNames[0]);
                break;
            default:
                output.WriteNullValue();
                break;
        }
    }

    /// <summary>What is wrong with the value, or null when the serializer will read it as the contract means it.</summary>
    private string? Problem(JsonElement value) => kind switch
    {
        LeafKind.String => value.ValueKind != JsonValueKind.String ? "must be a string, was " + Describe(value)
            : Text(value) is null ? Undecodable
            : null,
        LeafKind.Integer => value.ValueKind != JsonValueKind.Number ? "must be a number, was " + Describe(value)
            : value.TryGetInt32(out _) ? null
            : $"must be a whole number, was {Raw(value)}",
        LeafKind.Decimal => value.ValueKind != JsonValueKind.Number ? "must be a number, was " + Describe(value)
            : value.TryGetDecimal(out _) ? null
            : $"must be a number of at most 28 significant digits and under 7.9e28, was {Raw(value)}",
        LeafKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false, was " + Describe(value),
        LeafKind.Timestamp => value.ValueKind == JsonValueKind.String && Reads(value) ? null
            : "must be an ISO-8601 date and time in UTC, e.g. 2026-01-31T18:00:00Z, was "
                + (value.ValueKind == JsonValueKind.String ? Quoted(value) : Describe(value)),
        LeafKind.Enum => Reads(value) ? null
            : $"must be one of {string.Join(", ", enumNames.Select(n => "\"" + n + "\""))}, was "
                + (value.ValueKind == JsonValueKind.String ? Quoted(value)
                    : value.ValueKind == JsonValueKind.Number ? Raw(value)
                    : Describe(value)),
        _ => Reads(value) ? null : "must not be " + Describe(value),
    };

    /// <summary>Whether the serializer reads the value: the same converter decides here as in the real read.</summary>
    private bool Reads(JsonElement value)
    {
        try
        {
            var read = value.Deserialize(typeInfo);

            // The string enum converter also takes numbers (as it always has here), but only a defined value means anything.
            return kind != LeafKind.Enum || (read is not null && Enum.IsDefined(read.GetType(), read));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static string Raw(JsonElement value) => Shorten(value.GetRawText());

    private static string Quoted(JsonElement value) => Text(value) is { } text ? "\"" + ProducerText.Escape(Shorten(text)) + "\"" : "a string with an unpaired surrogate escape";

    // The string's text, or null when it holds an escaped half of a surrogate pair, which no .NET string can take from JSON.
    private static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= MaxEchoedLength ? text : string.Concat(text.AsSpan(0, MaxEchoedLength), "…");
}
