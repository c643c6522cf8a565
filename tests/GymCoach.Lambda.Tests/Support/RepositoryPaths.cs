namespace GymCoach.Lambda.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string BuildScript => Path.Combine(Root, "tools", "lambda", "build.sh");

    /// <summary>The JIT build of the same bootstrap, copied beside the tests by the project reference.</summary>
    public static string JitBootstrap => Path.Combine(AppContext.BaseDirectory, "bootstrap.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GymCoach.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No GymCoach.sln above {AppContext.BaseDirectory}.");
    }
}
