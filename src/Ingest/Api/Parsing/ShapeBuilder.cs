using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GymCoach.Ingest.Api.Parsing;

/// <summary>Builds a contract's <see cref="ShapeNode"/> tree from the source-generated metadata the serializer itself uses.</summary>
/// <remarks>So the shape cannot drift from the contract: a member added, renamed or made required is checked as the serializer reads it.</remarks>
internal static class ShapeBuilder
{
    public static ShapeNode Build(JsonTypeInfo typeInfo) => Build(typeInfo, memberConverter: null, []);

    private static ShapeNode Build(JsonTypeInfo typeInfo, JsonConverter? memberConverter, Dictionary<Type, ObjectShape> built)
    {
        var options = typeInfo.Options;
        if (Nullable.GetUnderlyingType(typeInfo.Type) is { } underlying)
        {
            return Leaf(options.GetTypeInfo(underlying), memberConverter, nullable: true);
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (built.TryGetValue(typeInfo.Type, out var known))
                {
                    return known;
                }

                var shape = new ObjectShape();
                built[typeInfo.Type] = shape;
                shape.SetMembers(
                    typeInfo.Properties.Select(p => new ObjectShape.Member(p.Name, p.IsRequired, Build(options.GetTypeInfo(p.PropertyType), p.CustomConverter, built))),
                    options.PropertyNameCaseInsensitive);
                return shape;
            case JsonTypeInfoKind.Enumerable when typeInfo.ElementType is { } item:
                return new ListShape(Build(options.GetTypeInfo(item), memberConverter: null, built));
            default:
                return Leaf(typeInfo, memberConverter, nullable: false);
        }
    }

    private static LeafShape Leaf(JsonTypeInfo typeInfo, JsonConverter? memberConverter, bool nullable)
    {
        var reader = typeInfo;
        if (memberConverter is not null)
        {
            // The member's own converter (performedAt's explicit-offset timestamps) decides, as it does in the real read.
            var options = new JsonSerializerOptions(typeInfo.Options);
            options.Converters.Insert(0, memberConverter);
            reader = options.GetTypeInfo(typeInfo.Type);
        }

        var type = typeInfo.Type;
        var kind = type == typeof(string) ? LeafKind.String
            : type == typeof(int) ? LeafKind.Integer
            : type == typeof(decimal) ? LeafKind.Decimal
            : type == typeof(bool) ? LeafKind.Boolean
            : type == typeof(DateTimeOffset) ? LeafKind.Timestamp
            : type.IsEnum ? LeafKind.Enum
            : LeafKind.Other;
        return new LeafShape(kind, reader, nullable, kind == LeafKind.Enum ? EnumNames(reader) : []);
    }

    /// <summary>The names the serializer writes for each value of the enum (<c>kg</c>, <c>lb</c>), in declaration order.</summary>
    private static List<string> EnumNames(JsonTypeInfo typeInfo)
    {
        var names = new List<string>();
        foreach (var value in Enum.GetValuesAsUnderlyingType(typeInfo.Type))
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(Enum.ToObject(typeInfo.Type, value), typeInfo);
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.String)
            {
                names.Add(document.RootElement.GetString()!);
            }
        }

        return names;
    }
}
