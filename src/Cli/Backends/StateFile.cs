using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GymCoach.Cli.Commands;

namespace GymCoach.Cli.Backends;

/// <summary>Saves and loads a piece of the embedded backend's state as one JSON file, written atomically (temp file, then rename).</summary>
internal static class StateFile
{
    public static async Task SaveAsync<T>(string path, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        await using (var file = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(file, value, typeInfo, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

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
            throw new CommandFailedException($"the embedded state at {path} is unreadable ({ex.Message}); delete it or run 'gymcoach demo' again");
        }
    }
}
