using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace GymCoach.Workers.Storage;

/// <summary>What identifies a stored workout's content: its owner and a SHA-256 of its canonical JSON.</summary>
public sealed record WorkoutFingerprint
{
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("sha256")]
    public required string Sha256 { get; init; }

    public static WorkoutFingerprint Of(string userId, string canonicalJson) => new()
    {
        UserId = userId,
        Sha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson))),
    };
}
