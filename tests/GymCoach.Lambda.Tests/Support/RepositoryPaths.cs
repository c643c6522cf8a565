using GymCoach.TestSupport;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string BuildScript => Path.Combine(Root, "tools", "lambda", "build.sh");

    /// <summary>The JIT build of the same bootstrap, copied beside the tests by the project reference.</summary>
    public static string JitBootstrap => Path.Combine(AppContext.BaseDirectory, "bootstrap.dll");
}
