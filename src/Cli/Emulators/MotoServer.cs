using System.Diagnostics;
using System.Globalization;
using GymCoach.Aws.Sqs;

namespace GymCoach.Cli.Emulators;

/// <summary>moto's server (<c>moto_server -H 127.0.0.1 -p PORT</c>) on a free loopback port: SQS, DynamoDB, CloudFormation and more on one endpoint.</summary>
/// <remarks>For functional cross-checks only: its SQS slows down linearly with queue depth.</remarks>
public sealed class MotoServer : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly EmulatorProcess _process;

    private MotoServer(EmulatorProcess process, string region)
    {
        _process = process;
        Connection = SqsConnection.Emulator(process.Endpoint, region);
    }

    /// <summary>Where SQS clients reach this server: its endpoint and signing region.</summary>
    public SqsConnection Connection { get; }

    public Uri Endpoint => _process.Endpoint;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts moto_server, which must be on the PATH.</summary>
    /// <exception cref="InvalidOperationException">moto_server is missing or did not start; the message says which and why.</exception>
    public static async Task<MotoServer> StartAsync(CancellationToken cancellationToken, string region = SqsConnection.EmulatorRegion)
    {
        EmulatorPackages.RequireTool("moto_server", "moto 5 with its server extra (pip install \"moto[server]\")");
        var port = FreePort.Next();
        var start = new ProcessStartInfo("moto_server");
        start.ArgumentList.Add("-H");
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        return new MotoServer(await EmulatorProcess.StartAsync("moto", start, port, StartupTimeout, cancellationToken), region);
    }

    public string OutputTail() => _process.OutputTail();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
