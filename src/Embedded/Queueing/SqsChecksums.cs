using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using GymCoach.Contracts.Lambda;

namespace GymCoach.Embedded.Queueing;

/// <summary>The digests SQS puts on messages: MD5 of the body and of the message attributes, and the content-based deduplication id.</summary>
[SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "SQS defines these checksums as MD5; they detect corruption, they protect nothing.")]
internal static class SqsChecksums
{
    private const byte StringTransportType = 1;

    public static string Md5Hex(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(MD5.HashData(bytes));
    }

    /// <summary>SQS's <c>MD5OfMessageAttributes</c>: names sorted, each name, data type, transport type and value length-prefixed.</summary>
    public static string? Md5OfAttributes(IReadOnlyDictionary<string, SqsMessageAttribute> attributes)
    {
        if (attributes.Count == 0)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        foreach (var name in attributes.Keys.Order(StringComparer.Ordinal))
        {
            var attribute = attributes[name];
            WriteLengthPrefixed(buffer, name);
            WriteLengthPrefixed(buffer, attribute.DataType);
            buffer.GetSpan(1)[0] = StringTransportType;
            buffer.Advance(1);
            WriteLengthPrefixed(buffer, attribute.StringValue ?? string.Empty);
        }

        return Convert.ToHexStringLower(MD5.HashData(buffer.WrittenSpan));
    }

    /// <summary>The deduplication id SQS derives with content-based deduplication: SHA-256 of the body.</summary>
    public static string ContentDeduplicationId(string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    private static void WriteLengthPrefixed(ArrayBufferWriter<byte> buffer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var span = buffer.GetSpan(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        Encoding.UTF8.GetBytes(value, span[4..]);
        buffer.Advance(4 + length);
    }
}
