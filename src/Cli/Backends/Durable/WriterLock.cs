using System.Globalization;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>The one writer of a state folder: an exclusive lock on <c>writer.lock</c>, held until disposed or the process ends.</summary>
/// <remarks>
/// .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/> on Unix (and a share lock on Windows), which the
/// kernel releases when the process dies, <c>kill -9</c> included, so a crash never leaves a stale lock behind. Who
/// holds it is written beside it in <c>writer.txt</c>, for the message a second writer gets.
/// </remarks>
internal sealed class WriterLock : IDisposable
{
    private const string LockFileName = "writer.lock";
    private const string HolderFileName = "writer.txt";

    private readonly FileStream _lock;

    private WriterLock(FileStream lockFile) => _lock = lockFile;

    /// <param name="command">What this process is, for the message another writer gets: a command name, never its arguments (they may hold a key).</param>
    /// <exception cref="StateFolderLockedException">Another process writes to the folder.</exception>
    public static WriterLock Acquire(string stateDirectory, string command)
    {
        Directory.CreateDirectory(stateDirectory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(stateDirectory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new StateFolderLockedException(stateDirectory, ReadHolder(stateDirectory));
        }

        File.WriteAllText(
            Path.Combine(stateDirectory, HolderFileName),
            string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId}, {command}, since {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z"));
        return new WriterLock(lockFile);
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Whether a file in a state folder is the lock's own (to be left alone when the folder is emptied).</summary>
    public static bool IsLockFile(string fileName) => fileName is LockFileName or HolderFileName;

    private static string ReadHolder(string stateDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(stateDirectory, HolderFileName)).Trim();
        }
        catch (IOException)
        {
            return "another process";
        }
    }
}
