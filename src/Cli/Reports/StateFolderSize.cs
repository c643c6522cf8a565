using System.Globalization;
using GymCoach.Cli.Backends;

namespace GymCoach.Cli.Reports;

/// <summary>How much disk the embedded backend's state takes (database and write-ahead log), for <c>gymcoach queues</c>.</summary>
internal sealed record StateFolderSize(string Path, long Bytes)
{
    public static StateFolderSize Of(string stateDirectory) => new(stateDirectory, EmbeddedBackend.SizeOnDisk(stateDirectory));

    /// <summary>The size as <c>812 KB</c>, <c>14.2 MB</c> or <c>1.3 GB</c>.</summary>
    public string Describe() =>
        Bytes < 1 << 20 ? string.Create(CultureInfo.InvariantCulture, $"{Bytes / 1024.0:0} KB")
        : Bytes < 1 << 30 ? string.Create(CultureInfo.InvariantCulture, $"{Bytes / (1024.0 * 1024):0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Bytes / (1024.0 * 1024 * 1024):0.0} GB");
}
