using System.Diagnostics;
using System.Text;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>
/// The workers' Native AOT bootstrap, published once per test run by <c>tools/lambda/build.sh</c>, which skips the
/// publish when its inputs are unchanged since the last one.
/// </summary>
/// <remarks>
/// A publish that fails (for example, clang missing where the script cannot install it) fails every test using this
/// fixture with the script's own message, which names what to install.
/// </remarks>
public sealed class PublishedBootstrap
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    public PublishedBootstrap()
    {
        Path = Publish("workers", System.IO.Path.Combine("publish", "linux-x64", "bootstrap"));
    }

    /// <summary>The published <c>bootstrap</c> executable.</summary>
    public string Path { get; }

    /// <summary>Runs the build script for <paramref name="function"/> (linux-x64) and returns its bootstrap's path.</summary>
    /// <param name="relativePath">Where the script leaves the bootstrap, under <c>artifacts/lambda</c>.</param>
    internal static string Publish(string function, string relativePath)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(RepositoryPaths.BuildScript);
        start.ArgumentList.Add("linux-x64");
        start.ArgumentList.Add(function);

        // The test host's MSBuild variables would point the nested publish at this test run's build.
        foreach (var name in start.Environment.Keys.Where(IsInheritedBuildVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(BuildTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tools/lambda/build.sh did not finish within {BuildTimeout}.");
        }

        // Not WaitForExit(): that would also wait for any process that inherited the output pipes to close them.
        var path = System.IO.Path.Combine(RepositoryPaths.Root, "artifacts", "lambda", relativePath);
        if (process.ExitCode != 0 || !File.Exists(path))
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(200));
            throw new InvalidOperationException(
                $"tools/lambda/build.sh linux-x64 {function} failed with exit code {process.ExitCode}; the AOT bootstrap tests need it.\n{Text(output)}");
        }

        return path;
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is not null)
        {
            lock (builder)
            {
                builder.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    private static bool IsInheritedBuildVariable(string name) =>
        name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase);
}

[CollectionDefinition(Name)]
public sealed class PublishedBootstrapCollection : ICollectionFixture<PublishedBootstrap>
{
    public const string Name = "Published AOT bootstrap";
}
