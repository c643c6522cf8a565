using GymCoach.Cli.Backends;
using GymCoach.Cli.Backends.Durable;
using GymCoach.Cli.Commands;

namespace GymCoach.Cli.Demo;

/// <summary>The demo's state folder: its own, started empty every time, and never another command's data unless told.</summary>
/// <remarks>
/// A folder the demo creates gets a marker file; the next demo may empty a folder with the marker. A folder without it
/// (say, <c>run</c>'s) is refused unless <c>--fresh</c> says to empty it. Either way a folder a writer holds is refused.
/// Emptying it includes the local backend's DynamoDB Local database, which lives outside it (in /dev/shm where there is
/// one): left there, a local demo would start on the table of the one before and fail its check.
/// </remarks>
internal static class DemoStateFolder
{
    /// <summary>Where the demo keeps its state unless <c>--state</c> says otherwise.</summary>
    public const string DefaultPath = ".gymcoach-demo";

    private const string MarkerFileName = "created-by-gymcoach-demo";

    /// <exception cref="UsageException">The folder holds data the demo did not create and <paramref name="fresh"/> is false.</exception>
    /// <exception cref="StateFolderLockedException">Another process writes to the folder.</exception>
    public static void Prepare(string path, bool fresh)
    {
        var folder = new DirectoryInfo(path);
        if (folder.Exists && !fresh && !File.Exists(Path.Combine(path, MarkerFileName)) && folder.EnumerateFileSystemInfos().Any())
        {
            throw new UsageException($"--state {path} holds state the demo did not create; give the demo another folder, or add --fresh to empty this one");
        }

        // Held while emptying, so a running writer's folder is never pulled from under it.
        using (WriterLock.Acquire(path, "gymcoach demo"))
        {
            foreach (var entry in folder.EnumerateFileSystemInfos().Where(entry => !WriterLock.IsLockFile(entry.Name)))
            {
                if (entry is DirectoryInfo directory)
                {
                    directory.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }

            var localDatabase = new DirectoryInfo(LocalBackend.DatabaseDirectory(path));
            if (localDatabase.Exists)
            {
                localDatabase.Delete(recursive: true);
            }

            File.WriteAllText(Path.Combine(path, MarkerFileName), "This folder belongs to 'gymcoach demo', which empties it on its next run.\n");
        }
    }
}
