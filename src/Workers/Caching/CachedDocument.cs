using System.Buffers;
using System.IO.Compression;
using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Caching;

/// <summary>An analytics document held as UTF-8 JSON, Brotli-compressed when it is larger than a threshold, with the entity tag of that JSON.</summary>
/// <remarks>
/// Holding bytes rather than the object keeps cached documents immutable and small. The tag is computed once, when the
/// document is encoded, so a read that serves the cached JSON hashes nothing.
/// </remarks>
public sealed class CachedDocument
{
    // Quality 4 of 11 compresses JSON well at a fraction of the cost of the higher levels, since every recompute encodes.
    private const int BrotliQuality = 4;
    private const int BrotliWindowBits = 22;

    private readonly byte[] _bytes;
    private readonly int _jsonLength;

    private CachedDocument(byte[] bytes, int jsonLength, bool isCompressed, long version, string etag)
    {
        _bytes = bytes;
        _jsonLength = jsonLength;
        IsCompressed = isCompressed;
        Version = version;
        ETag = etag;
    }

    public bool IsCompressed { get; }

    /// <summary>The length of the document's JSON, uncompressed.</summary>
    public int JsonLength => _jsonLength;

    /// <summary>
    /// A strong HTTP entity tag of the JSON, quoted (<c>"…"</c>): the first 128 bits of its SHA-256 in hex, so it is the
    /// same on every instance and after restarts.
    /// </summary>
    public string ETag { get; }

    /// <summary>The document's <see cref="AnalyticsDocument.ComputedFromWorkouts"/>: of two documents of a user, the higher is newer.</summary>
    public long Version { get; }

    /// <summary>The bytes held: compressed or plain JSON.</summary>
    public int StoredLength => _bytes.Length;

    /// <summary>Encodes the document, compressing JSON longer than <paramref name="compressionThresholdBytes"/> when that makes it smaller.</summary>
    internal static CachedDocument Encode(AnalyticsDocument document, int compressionThresholdBytes)
    {
        var json = AnalyticsJson.SerializeToUtf8Bytes(document);
        var etag = CachedJson.EntityTagOf(json);
        if (json.Length <= compressionThresholdBytes)
        {
            return new CachedDocument(json, json.Length, isCompressed: false, document.ComputedFromWorkouts, etag);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.Length));
        try
        {
            if (BrotliEncoder.TryCompress(json, buffer, out var written, BrotliQuality, BrotliWindowBits) && written < json.Length)
            {
                return new CachedDocument(buffer.AsSpan(0, written).ToArray(), json.Length, isCompressed: true, document.ComputedFromWorkouts, etag);
            }

            return new CachedDocument(json, json.Length, isCompressed: false, document.ComputedFromWorkouts, etag);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The document's compact UTF-8 JSON: the held bytes themselves when they are not compressed (callers must not write to them), else a decompressed copy.</summary>
    /// <exception cref="InvalidDataException">The compressed bytes are corrupt.</exception>
    public ReadOnlyMemory<byte> ToJson()
    {
        if (!IsCompressed)
        {
            return _bytes;
        }

        var json = new byte[_jsonLength];
        if (!BrotliDecoder.TryDecompress(_bytes, json, out var written) || written != _jsonLength)
        {
            throw new InvalidDataException("A cached analytics document does not decompress to its recorded length.");
        }

        return json;
    }

    /// <summary>Writes the document's JSON (<see cref="JsonLength"/> bytes) to <paramref name="writer"/>, decompressing straight into its buffer.</summary>
    /// <remarks>Copies nothing else and allocates nothing: what serving a cached document costs per request.</remarks>
    /// <exception cref="InvalidDataException">The compressed bytes are corrupt.</exception>
    public void WriteJsonTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var destination = writer.GetSpan(_jsonLength)[.._jsonLength];
        if (!IsCompressed)
        {
            _bytes.CopyTo(destination);
        }
        else if (!BrotliDecoder.TryDecompress(_bytes, destination, out var written) || written != _jsonLength)
        {
            throw new InvalidDataException("A cached analytics document does not decompress to its recorded length.");
        }

        writer.Advance(_jsonLength);
    }

    /// <exception cref="InvalidDataException">The compressed bytes are corrupt.</exception>
    internal AnalyticsDocument Decode()
    {
        if (!IsCompressed)
        {
            return AnalyticsJson.Parse(_bytes);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(_jsonLength);
        try
        {
            if (!BrotliDecoder.TryDecompress(_bytes, buffer.AsSpan(0, _jsonLength), out var written) || written != _jsonLength)
            {
                throw new InvalidDataException("A cached analytics document does not decompress to its recorded length.");
            }

            return AnalyticsJson.Parse(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
