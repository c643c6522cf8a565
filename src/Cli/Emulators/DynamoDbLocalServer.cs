using System.Diagnostics;
using GymCoach.Aws.DynamoDb;

namespace GymCoach.Cli.Emulators;

/// <summary>Amazon DynamoDB Local 1.25.1 (from the npm package amplify-dynamodb-simulator) as a child process on 127.0.0.1.</summary>
/// <remarks>
/// DynamoDB Local has no option to choose its interface and listens on all of them; it is started through
/// <c>Emulators/LoopbackDynamoDbLocal.java</c> (java's source-file mode, copied next to this program), which binds its Jetty
/// connector to 127.0.0.1 and skips its telemetry. Arguments as documented: <c>-inMemory</c> (or <c>-dbPath</c>),
/// <c>-sharedDb</c> (one database whatever the credentials and region), <c>-disableTelemetry</c>, <c>-port N</c>.
/// The JIT is limited to its first tier and the serial GC is used: the server then starts in about 2 s instead of
/// 4–5 s on two cores, and the requests of tests and the local backend are too short to gain from the optimizing JIT.
/// </remarks>
public sealed class DynamoDbLocalServer : IAsyncDisposable
{
    private const string LauncherFile = "LoopbackDynamoDbLocal.java";
    private readonly EmulatorProcess _process;

    private DynamoDbLocalServer(EmulatorProcess process)
    {
        _process = process;
    }

    /// <summary>The folder of DynamoDBLocal.jar and DynamoDBLocal_lib inside the installed npm package.</summary>
    public static string EmulatorDirectory => Path.Combine(EmulatorPackages.NodeModules, "amplify-dynamodb-simulator", "emulator");

    public int Port => _process.Port;

    /// <summary>http://127.0.0.1:port, the ServiceURL for the SDK.</summary>
    public Uri Endpoint => _process.Endpoint;

    /// <summary>Client settings for this server (dummy credentials, signing region us-east-1).</summary>
    public DynamoDbClientSettings ClientSettings => DynamoDbClientSettings.ForEmulator(Endpoint);

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time the JVM has used so far.</summary>
    public TimeSpan ProcessorTime => _process.ProcessorTime;

    /// <summary>Installs the emulator packages if needed, starts DynamoDB Local and waits until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">Java or the emulator is missing, or the server did not start; the message says what to do or what it printed.</exception>
    public static async Task<DynamoDbLocalServer> StartAsync(DynamoDbLocalOptions? options, CancellationToken cancellationToken)
    {
        options ??= new DynamoDbLocalOptions();
        RequireJava(options.JavaExecutable);
        await EmulatorPackages.EnsureInstalledAsync(cancellationToken);
        var emulator = EmulatorDirectory;
        if (!File.Exists(Path.Combine(emulator, "DynamoDBLocal.jar")))
        {
            throw new InvalidOperationException($"DynamoDBLocal.jar is missing from {emulator}: delete {EmulatorPackages.NodeModules} and run again to reinstall the emulator packages.");
        }

        var launcher = Path.Combine(AppContext.BaseDirectory, "Emulators", LauncherFile);
        if (!File.Exists(launcher))
        {
            throw new InvalidOperationException($"{launcher} is missing: it ships with the program (src/Cli/Emulators/{LauncherFile}); rebuild.");
        }

        var port = options.Port > 0 ? options.Port : FreePort.Next();
        var start = new ProcessStartInfo(options.JavaExecutable) { WorkingDirectory = emulator };
        foreach (var argument in Arguments(emulator, launcher, port, options.DatabaseDirectory))
        {
            start.ArgumentList.Add(argument);
        }

        return new DynamoDbLocalServer(await EmulatorProcess.StartAsync("DynamoDB Local", start, port, options.StartupTimeout, cancellationToken));
    }

    /// <summary>What the server printed last, for error messages.</summary>
    public string OutputTail() => _process.OutputTail();

    /// <summary>Stops the server (its JVM); an in-memory database is gone with it.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static IEnumerable<string> Arguments(string emulator, string launcher, int port, string? databaseDirectory)
    {
        yield return "-XX:TieredStopAtLevel=1";
        yield return "-XX:+UseSerialGC";
        yield return "-Djava.library.path=" + Path.Combine(emulator, "DynamoDBLocal_lib");
        yield return "-cp";
        yield return Path.Combine(emulator, "DynamoDBLocal.jar") + Path.PathSeparator + Path.Combine(emulator, "DynamoDBLocal_lib", "*");
        yield return launcher;
        if (databaseDirectory is null)
        {
            yield return "-inMemory";
        }
        else
        {
            Directory.CreateDirectory(databaseDirectory);
            yield return "-dbPath";
            yield return databaseDirectory;
        }

        yield return "-sharedDb";
        yield return "-disableTelemetry";
        yield return "-port";
        yield return port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void RequireJava(string java)
    {
        const string WhatToInstall = "a Java 17 or later JDK (e.g. the Debian package openjdk-17-jdk-headless), which DynamoDB Local needs";
        if (java.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || java.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            if (!File.Exists(java))
            {
                throw new InvalidOperationException($"'{java}' does not exist: install {WhatToInstall}.");
            }

            return;
        }

        EmulatorPackages.RequireTool(java, WhatToInstall);
    }
}
