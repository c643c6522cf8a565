using System.Text.Json;
using GymCoach.Cli.Commands;
using GymCoach.Workers.Storage;

namespace GymCoach.Cli.Backends;

/// <summary>Saves and loads the embedded store as one JSON file, written atomically (temp file, then rename).</summary>
internal static class StoreSnapshot
{
    public static async Task SaveAsync(EmbeddedItemStore store, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        await using (var file = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(file, store.Snapshot(), SnapshotJsonContext.Default.IReadOnlyListStoredItem, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static async Task LoadAsync(EmbeddedItemStore store, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            await using var file = File.OpenRead(path);
            var items = await JsonSerializer.DeserializeAsync(file, SnapshotJsonContext.Default.IReadOnlyListStoredItem, cancellationToken);
            store.Restore(items ?? []);
        }
        catch (JsonException ex)
        {
            throw new CommandFailedException($"the embedded store at {path} is unreadable ({ex.Message}); delete it or run 'gymcoach demo' again");
        }
    }
}
