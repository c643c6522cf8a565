using System.Globalization;
using System.Text.Json;
using GymCoach.Contracts.Validation;

namespace GymCoach.Ingest.Api.Parsing;

/// <summary>One node of a contract's JSON shape: checks a value against it, writing the value (or a stand-in) for the serializer.</summary>
/// <remarks>
/// The serializer stops at the first JSON-level error. Walking the shape instead names every wrong type, unknown
/// field, unknown enum value and missing field; each bad value is replaced by a neutral stand-in so the serializer can
/// still build the object and the data rules can report the fields that are otherwise fine.
/// </remarks>
internal abstract class ShapeNode
{
    /// <summary>Checks <paramref name="value"/>, adds an error per bad field under <paramref name="path"/>, and writes what the serializer should read.</summary>
    public abstract void Check(JsonElement value, string path, Utf8JsonWriter output, List<ValidationError> errors);

    /// <summary>Writes the stand-in for a missing or broken value: null where the type takes it, else a neutral value.</summary>
    public abstract void WriteStandIn(Utf8JsonWriter output);

    /// <summary><c>a.b</c>, or <c>b</c> at the root (<c>$</c>).</summary>
    public static string MemberPath(string path, string name) => path == "$" ? name : path + "." + name;

    public static string ItemPath(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>What a JSON value is, in the words of the API's messages: <c>a string</c>, <c>an object</c>.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
