using System.Buffers.Text;
using System.Text;

namespace GymCoach.Workers.Storage;

/// <summary>The opaque query continuation token of both stores: the last returned sort key, base64url.</summary>
public static class ContinuationToken
{
    public static string Encode(string lastSortKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastSortKey));

    /// <exception cref="ArgumentException">The token is not base64url of a sort key.</exception>
    public static string Decode(string token)
    {
        try
        {
            var key = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
                .GetString(Base64Url.DecodeFromChars(token));
            return key.Length > 0 ? key : throw new ArgumentException("The continuation token is empty.", nameof(token));
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("The continuation token is not valid.", nameof(token), exception);
        }
        catch (DecoderFallbackException exception)
        {
            throw new ArgumentException("The continuation token is not valid.", nameof(token), exception);
        }
    }
}
