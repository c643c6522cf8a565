using System.Text.Json;
using GymCoach.Contracts.Validation;

namespace GymCoach.Ingest.Api.Parsing;

/// <summary>A JSON object with known members: reports unknown and missing ones, and checks each member's value.</summary>
internal sealed class ObjectShape : ShapeNode
{
    private const int MaxEchoedNameLength = 64;

    private Dictionary<string, Member> _members = new(StringComparer.Ordinal);

    /// <summary>Set once the members are known; members can refer back to this shape, so they come after construction.</summary>
    public void SetMembers(IEnumerable<Member> members, bool caseInsensitive)
    {
        _members = members.ToDictionary(m => m.Name, caseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    }

    public override void Check(JsonElement value, string path, Utf8JsonWriter output, List<ValidationError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            if (value.ValueKind != JsonValueKind.Null)
            {
                errors.Add(new ValidationError(path, (path == "$" ? "must be a JSON object, was " : "must be an object, was ") + Describe(value)));
            }

            output.WriteNullValue();
            return;
        }

        output.WriteStartObject();
        var seen = new HashSet<string>(_members.Comparer);
        foreach (var property in value.EnumerateObject())
        {
            if (NameOf(property) is not { } name)
            {
                errors.Add(new ValidationError(path, "has a field name with an unpaired surrogate escape (\\uD800–\\uDFFF without its pair)"));
                continue;
            }

            var field = MemberPath(path, Echo(name));
            if (!_members.TryGetValue(name, out var member))
            {
                errors.Add(new ValidationError(field, "is not a known field"));
                continue;
            }

            // A repeated member is checked and written each time; the serializer keeps the last, as it does on the fast path.
            seen.Add(member.Name);
            output.WritePropertyName(member.Name);
            member.Shape.Check(property.Value, field, output, errors);
        }

        foreach (var member in _members.Values)
        {
            if (member.IsRequired && !seen.Contains(member.Name))
            {
                errors.Add(new ValidationError(MemberPath(path, member.Name), "is required"));
                output.WritePropertyName(member.Name);
                member.Shape.WriteStandIn(output);
            }
        }

        output.WriteEndObject();
    }

    public override void WriteStandIn(Utf8JsonWriter output) => output.WriteNullValue();

    // The name, or null when it holds an escaped half of a surrogate pair, which no .NET string can take from JSON.
    private static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>An unknown member's name is the producer's text: escaped and shortened before it names a field.</summary>
    private static string Echo(string name) =>
        ProducerText.Escape(name.Length <= MaxEchoedNameLength ? name : string.Concat(name.AsSpan(0, MaxEchoedNameLength), "…"));

    /// <summary>One member: its JSON name, whether the contract requires it, and its value's shape.</summary>
    public sealed record Member(string Name, bool IsRequired, ShapeNode Shape);
}
