using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GymCoach.Cli.Commands;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>Loads a state file of gymcoach versions before the state database (one JSON document).</summary>
internal static class LegacyStateFile
{
    /// <returns>The saved value, or the default when nothing was saved yet.</returns>
    /// <exception cref="CommandFailedException">The file exists but cannot be read as <typeparamref name="T"/>.</exception>
    public static async Task<T?> LoadAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return default;
        }

        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(file, typeInfo, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new CommandFailedException($"the embedded state at {path} is unreadable ({ex.Message}); move it away to start this folder empty");
        }
    }
}
