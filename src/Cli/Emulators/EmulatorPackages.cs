using System.Diagnostics;

namespace GymCoach.Cli.Emulators;

/// <summary>The npm packages of the local API emulators (tools/emulators), installed from the lockfile on first use.</summary>
public static class EmulatorPackages
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>The folder with package.json and package-lock.json, found by walking up from the running assembly and the current directory.</summary>
    public static string Directory { get; } = FindDirectory();

    public static string NodeModules => Path.Combine(Directory, "node_modules");

    /// <summary>Runs <c>npm ci</c> unless the packages are installed already; fails with what to install when Node.js is missing.</summary>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(Path.Combine(NodeModules, ".package-lock.json")))
            {
                return;
            }

            // Test assemblies run in parallel processes, and two npm ci in one folder break each other (ENOTEMPTY).
            using var installer = await TakeInstallerLockAsync(cancellationToken);
            if (File.Exists(Path.Combine(NodeModules, ".package-lock.json")))
            {
                return;
            }

            RequireTool("node", "Node.js 20 or later (https://nodejs.org, or the Debian package nodejs)");
            RequireTool("npm", "npm (it comes with Node.js)");
            var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
            {
                WorkingDirectory = Directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started");
            var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = npm.StandardError.ReadToEndAsync(cancellationToken);
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {Directory} failed ({npm.ExitCode}): {await errors}{await output}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    // An exclusive lock on a file beside the lockfile (flock on Unix), released when the holder ends, even killed.
    private static async Task<FileStream> TakeInstallerLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, ".install.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another process installs: wait for it, then find the packages there.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    /// <summary>Fails with an install hint when <paramref name="tool"/> is not on the PATH.</summary>
    public static void RequireTool(string tool, string whatToInstall)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(folder, tool)))
            {
                return;
            }
        }

        throw new InvalidOperationException($"'{tool}' was not found on the PATH: install {whatToInstall} to run the local emulators.");
    }

    private static string FindDirectory()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tools", "emulators");
                if (File.Exists(Path.Combine(candidate, "package-lock.json")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("tools/emulators/package-lock.json was not found above the program or the current directory; run gymcoach from the repository.");
    }
}
