namespace GymCoach.Cli.Backends.Durable;

/// <summary>A second writer tried to open a state folder: printed as one line naming the holder, exit code 2.</summary>
internal sealed class StateFolderLockedException(string stateDirectory, string holder)
    : Exception($"the state folder {Path.GetFullPath(stateDirectory)} is in use by {holder}; stop that first, or give this command another --state folder");
