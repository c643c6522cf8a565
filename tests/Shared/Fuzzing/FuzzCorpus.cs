namespace GymCoach.Tests.Fuzzing;

/// <summary>
/// The inputs kept from fuzzing one target (cases a fuzz run found, and hand-picked edges), replayed by a test on every
/// run: files under <c>Fuzzing/Corpus/&lt;target&gt;</c> of the test project, copied beside the tests.
/// </summary>
internal static class FuzzCorpus
{
    /// <summary>The corpus files of <paramref name="target"/>, by path relative to its folder, for theory data.</summary>
    public static TheoryData<string> Files(string target)
    {
        var folder = Folder(target);
        var files = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetRelativePath(folder, path).Replace('\\', '/'));
        }

        return files;
    }

    /// <summary>The file's bytes exactly: corpus inputs may be invalid UTF-8.</summary>
    public static byte[] Read(string target, string file) => File.ReadAllBytes(Path.Combine(Folder(target), file));

    private static string Folder(string target) => Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Corpus", target);
}
