using System.Globalization;

namespace GymCoach.Ingest.Api;

/// <summary>One producer's API key: its name, the SHA-256 of the key (never the key itself), what it may do and how fast.</summary>
/// <remarks>Compute the hash with <see cref="ApiKeyHash.Compute"/> or <c>printf %s "$KEY" | sha256sum</c>.</remarks>
public sealed class ApiKeyOptions
{
    /// <summary>Names the key in logs, event sources (<c>gymcoach/ingest/&lt;name&gt;</c>) and rate limits: 1–64 of <c>A–Z a–z 0–9 . _ -</c>. Required.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The SHA-256 of the key's UTF-8 bytes as 64 hex digits. Required.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>The operations the key may perform, from <see cref="ApiOperations"/>. Default none.</summary>
    public IList<string> Operations { get; set; } = [];

    /// <summary>Requests per second the key's token bucket refills with. Default 100.</summary>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>The bucket size: how many requests the key may make at once after being idle. Default 200.</summary>
    public int Burst { get; set; } = 200;

    internal void Validate(int index, List<string> errors)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"ApiKeys[{index}]");
        if (!ApiKeyHash.IsValidName(Name))
        {
            errors.Add($"{at}.Name must be 1–64 letters, digits, '.', '_' or '-'.");
        }

        if (!ApiKeyHash.TryParseHex(Sha256, out _))
        {
            errors.Add($"{at}.Sha256 must be 64 hexadecimal digits.");
        }

        foreach (var operation in Operations ?? [])
        {
            if (ApiOperations.Parse(operation) == Security.ApiOperation.None)
            {
                errors.Add($"{at}.Operations has unknown operation '{operation}'; known: {string.Join(", ", ApiOperations.All)}.");
            }
        }

        if (RequestsPerSecond < 1)
        {
            errors.Add($"{at}.RequestsPerSecond must be at least 1.");
        }

        if (Burst < 1)
        {
            errors.Add($"{at}.Burst must be at least 1.");
        }
    }
}
