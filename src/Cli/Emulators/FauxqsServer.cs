using System.Diagnostics;
using System.Globalization;
using GymCoach.Aws.Sqs;

namespace GymCoach.Cli.Emulators;

/// <summary>fauxqs (the npm SQS emulator pinned in tools/emulators) running on a free port of 127.0.0.1.</summary>
/// <remarks>
/// fauxqs's own CLI listens on 0.0.0.0, so a small script (tools/emulators/fauxqs-loopback.mjs) serves its exported
/// <c>buildApp()</c> on 127.0.0.1 instead. The script exits when its standard input closes, so it does not outlive a
/// parent that dies without disposing this. Queues and messages live in the process's memory only.
/// </remarks>
public sealed class FauxqsServer : IAsyncDisposable
{
    /// <summary>The pinned package version (later versions need Node.js 22).</summary>
    public const string PackageVersion = "1.9.2";

    private const string ScriptName = "fauxqs-loopback.mjs";
    private const int MaxStartAttempts = 3;
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private readonly EmulatorProcess _process;

    private FauxqsServer(EmulatorProcess process, string region)
    {
        _process = process;
        Connection = SqsConnection.Emulator(process.Endpoint, region);
    }

    /// <summary>Where SQS clients reach this server: its endpoint and signing region.</summary>
    public SqsConnection Connection { get; }

    public Uri Endpoint => _process.Endpoint;

    public bool HasExited => _process.HasExited;

    /// <summary>Installs the emulator packages if needed (npm ci) and starts fauxqs on a free loopback port.</summary>
    /// <exception cref="InvalidOperationException">Node.js is missing, the install failed, or fauxqs did not start; the message says which and why.</exception>
    public static async Task<FauxqsServer> StartAsync(CancellationToken cancellationToken, string region = SqsConnection.EmulatorRegion)
    {
        EmulatorPackages.RequireTool("node", "Node.js 20 or later (https://nodejs.org, or the Debian package nodejs)");
        await EmulatorPackages.EnsureInstalledAsync(cancellationToken);
        var script = Path.Combine(EmulatorPackages.Directory, ScriptName);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing: it serves fauxqs on 127.0.0.1 and belongs to the repository.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = EmulatorPackages.Directory,

                // The script ends when this pipe closes, i.e. when this process is gone.
                RedirectStandardInput = true,
            };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add(region);
            try
            {
                return new FauxqsServer(await EmulatorProcess.StartAsync("fauxqs", start, port, StartupTimeout, cancellationToken), region);
            }
            catch (InvalidOperationException ex) when (attempt < MaxStartAttempts && ex.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // Another process took the free port between our probe and fauxqs's bind: pick another.
            }
        }
    }

    /// <summary>What fauxqs wrote last, for diagnosing a failure.</summary>
    public string OutputTail() => _process.OutputTail();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
