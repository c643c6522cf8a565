using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace GymCoach.Ingest.Api.Security;

/// <summary>Finds the producer of an <c>X-Api-Key</c> by its SHA-256, compared in constant time against every configured hash.</summary>
internal sealed class ApiKeyAuthenticator
{
    private readonly byte[][] _hashes;
    private readonly ApiCaller[] _callers;

    public ApiKeyAuthenticator(IngestApiOptions options)
    {
        var keys = options.ApiKeys;
        _hashes = new byte[keys.Count][];
        _callers = new ApiCaller[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            _hashes[i] = ApiKeyHash.TryParseHex(keys[i].Sha256, out var hash) ? hash : throw new ArgumentException($"ApiKeys[{i}] has an invalid hash.", nameof(options));
            var operations = ApiOperation.None;
            foreach (var name in keys[i].Operations)
            {
                operations |= ApiOperations.Parse(name);
            }

            _callers[i] = new ApiCaller(keys[i].Name, operations);
        }
    }

    /// <summary>The caller whose key this is, or null for a missing, repeated, oversized or unknown key.</summary>
    public ApiCaller? Authenticate(StringValues header)
    {
        if (header.Count != 1 || header[0] is not { Length: > 0 and <= ApiKeyHash.MaxKeyLength } key)
        {
            return null;
        }

        Span<byte> utf8 = stackalloc byte[ApiKeyHash.MaxKeyLength * 3];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);

        // Every hash is compared, with no early exit, so the time taken says nothing about which key (if any) matched.
        ApiCaller? match = null;
        for (var i = 0; i < _hashes.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, _hashes[i]))
            {
                match ??= _callers[i];
            }
        }

        return match;
    }
}
