namespace GymCoach.TestSupport;

/// <summary>The checkout the tests run from.</summary>
public static class RepositoryRoot
{
    /// <summary>The folder holding GymCoach.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "GymCoach.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("GymCoach.sln not found above " + AppContext.BaseDirectory);
    }
}
