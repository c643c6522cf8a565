using System.Security.Cryptography;

namespace GymCoach.Workers.Caching;

/// <summary>A served JSON document: its compact UTF-8 bytes and their strong ETag, both computed once when it is cached.</summary>
/// <remarks>Callers must not write to <see cref="Json"/>: every reader of the cache shares it.</remarks>
public sealed class CachedJson
{
    private readonly byte[] _json;

    public CachedJson(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        _json = json;
        ETag = EntityTagOf(json);
    }

    public ReadOnlyMemory<byte> Json => _json;

    /// <summary>A strong ETag, quoted: the first 128 bits of the content's SHA-256, so it is the same on every instance and after restarts.</summary>
    public string ETag { get; }

    /// <summary>The quoted strong ETag of <paramref name="content"/>, as <see cref="ETag"/> computes it.</summary>
    public static string EntityTagOf(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return "\"" + Convert.ToHexStringLower(hash[..16]) + "\"";
    }
}
