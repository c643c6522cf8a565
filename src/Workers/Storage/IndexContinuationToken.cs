using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace GymCoach.Workers.Storage;

/// <summary>The opaque continuation token of an index query: the last returned item's index sort key and table key, as base64url JSON.</summary>
/// <remarks>The table key is part of it because index sort keys need not be unique; both stores resume strictly after that item.</remarks>
public static class IndexContinuationToken
{
    public static string Encode(IndexPosition position)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(position.IndexSortKey);
            writer.WriteStringValue(position.PartitionKey);
            writer.WriteStringValue(position.SortKey);
            writer.WriteEndArray();
        }

        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <exception cref="ArgumentException">The token was not made by <see cref="Encode"/>.</exception>
    public static IndexPosition Decode(string token)
    {
        try
        {
            var reader = new Utf8JsonReader(Base64Url.DecodeFromChars(token));
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartArray);
            var indexSortKey = ReadKey(ref reader);
            var partitionKey = ReadKey(ref reader);
            var sortKey = ReadKey(ref reader);
            Expect(reader.Read() && reader.TokenType == JsonTokenType.EndArray && !reader.Read());
            return new IndexPosition(indexSortKey, partitionKey, sortKey);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
        {
            throw new ArgumentException("The continuation token is not valid.", nameof(token), exception);
        }
    }

    private static string ReadKey(ref Utf8JsonReader reader)
    {
        Expect(reader.Read() && reader.TokenType == JsonTokenType.String);
        var key = reader.GetString();
        Expect(!string.IsNullOrEmpty(key));
        return key!;
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new FormatException("unexpected token content");
        }
    }
}
