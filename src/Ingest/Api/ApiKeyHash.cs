using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace GymCoach.Ingest.Api;

/// <summary>How API keys are stored: the SHA-256 of the key's UTF-8 bytes, as lowercase hex.</summary>
public static class ApiKeyHash
{
    /// <summary>The shortest key a host may be configured with in plain text; <see cref="Generate"/> makes far longer ones.</summary>
    public const int MinKeyLength = 16;

    /// <summary>The longest key accepted; longer headers are refused without hashing.</summary>
    public const int MaxKeyLength = 256;

    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    /// <summary>The value for <see cref="ApiKeyOptions.Sha256"/> of a key.</summary>
    public static string Compute(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>A new random key of 32 bytes, base64url, prefixed so that it is recognisable in a leaked file.</summary>
    public static string Generate() => "gck_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    internal static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && !name.AsSpan().ContainsAnyExcept(NameCharacters);

    internal static bool TryParseHex(string? hex, out byte[] hash)
    {
        hash = [];
        if (hex is null || hex.Length != SHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        try
        {
            hash = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
