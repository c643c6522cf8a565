using System.Text.Json;
using GymCoach.Cli.Commands;
using GymCoach.Ingest.Api;

namespace GymCoach.Cli.Hosting;

/// <summary>Reads the producers' API keys for <c>gymcoach run</c> from a JSON file: hashes, operations and rate limits, never the keys themselves.</summary>
/// <remarks>
/// <code>[{"name":"mobile","sha256":"…64 hex…","operations":["workouts:write","analytics:read"],"requestsPerSecond":100,"burst":200}]</code>
/// </remarks>
internal static class ApiKeysFile
{
    /// <exception cref="UsageException">The file is missing, is not such a list, or a key is invalid (every problem named).</exception>
    public static async Task<IReadOnlyList<ApiKeyOptions>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--keys: no such file '{path}'");
        }

        List<ApiKeyOptions>? keys;
        try
        {
            await using var file = File.OpenRead(path);
            keys = await JsonSerializer.DeserializeAsync(file, ApiKeysJsonContext.Default.ListApiKeyOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"--keys: {path} is not a JSON list of keys: {ex.Message}");
        }

        if (keys is not { Count: > 0 })
        {
            throw new UsageException($"--keys: {path} lists no keys");
        }

        try
        {
            new IngestApiOptions { ApiKeys = keys }.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--keys: {path}: {ex.Message}");
        }

        return keys;
    }
}
