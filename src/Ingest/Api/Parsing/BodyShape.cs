using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Problems;

namespace GymCoach.Ingest.Api.Parsing;

/// <summary>Reads a request body as <typeparamref name="T"/>, naming every JSON-level error rather than the serializer's first.</summary>
/// <remarks>
/// The body is parsed once into a document, checked against the contract's shape (<see cref="ShapeBuilder"/>) while
/// a repaired copy is written, and the copy is deserialized: the data rules then see every field that is otherwise
/// fine. Only JSON that does not parse at all stops early, with its line and position.
/// </remarks>
internal sealed class BodyShape<T>(JsonTypeInfo<T> typeInfo)
    where T : class
{
    private readonly ShapeNode _root = ShapeBuilder.Build(typeInfo);

    /// <summary>The serializer's own read, or null when it fails; <see cref="Read"/> then says why.</summary>
    public T? TryReadFast(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads the body against the shape, naming every JSON-level error; slower than <see cref="TryReadFast"/>, for bodies that failed it.</summary>
    public ShapedBody<T> Read(ReadOnlySpan<byte> body)
    {
        // Producers' tools write a UTF-8 byte order mark now and then; it is not JSON, but it is harmless.
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                document.Dispose();
                return new ShapedBody<T>(null, [], Problem.MalformedJson("$", "has more after the JSON value", 1, reader.TokenStartIndex + 1));
            }
        }
        catch (JsonException exception)
        {
            return new ShapedBody<T>(null, [], JsonErrorDescriber.Describe(exception));
        }

        using (document)
        {
            var errors = new List<ValidationError>();
            var repaired = new ArrayBufferWriter<byte>(body.Length + 64);
            using (var output = new Utf8JsonWriter(repaired))
            {
                _root.Check(document.RootElement, "$", output, errors);
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ShapedBody<T>(null, errors.Count > 0 ? errors : [new ValidationError("$", "must be a JSON object, was null")], null);
            }

            try
            {
                return new ShapedBody<T>(JsonSerializer.Deserialize(repaired.WrittenSpan, typeInfo), errors, null);
            }
            catch (JsonException exception) when (errors.Count == 0)
            {
                // A case the shape does not know: the serializer's own first error, as before.
                return new ShapedBody<T>(null, [], JsonErrorDescriber.Describe(exception));
            }
            catch (JsonException)
            {
                return new ShapedBody<T>(null, errors, null);
            }
        }
    }
}
