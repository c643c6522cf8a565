using System.Runtime.InteropServices;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Hosting;
using GymCoach.Cli.Reports.Live;
using GymCoach.Cli.Terminal;
using GymCoach.Ingest.Api;
using GymCoach.Workers.Logging;

namespace GymCoach.Cli.Commands;

/// <summary><c>gymcoach run</c>: the ingest HTTP API and both workers in one process, until Ctrl-C.</summary>
internal sealed class RunCommand : ICommand
{
    public const int DefaultPort = 8080;

    public string Name => "run";

    public string Summary => "Serve the ingest HTTP API on 127.0.0.1 and run both workers behind it, until Ctrl-C";

    public string Usage => "gymcoach run [--backend embedded|local|aws] [--port P] [--api-key-file FILE | --api-key KEY | --keys FILE] [--allowed-hosts H1,H2] [--rate-limit N] [--function-timeout 30s] [--visibility-timeout 31s] [--log-format text|json] [--emf FILE] [--state DIR] [--retention 4d] [--verbose]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var reader = new ArgumentReader(args, BackendOptions.Flags);
        var backendName = BackendOptions.ReadBackend(reader);
        var timeouts = WorkerTimeouts.Read(reader, backendName);
        var keysFile = reader.String("keys");
        var key = keysFile is null ? await CommandLineApiKey.ReadAsync(reader, "api-key", cancellationToken) : null;
        if (keysFile is not null && (reader.String("api-key") ?? reader.String("api-key-file")) is not null)
        {
            throw new UsageException("give either --api-key, --api-key-file or --keys, not more than one");
        }

        var settings = new ApiServerSettings
        {
            Pipeline = PipelineSettings.WithFunctionTimeout(timeouts.FunctionTimeout),
            Port = reader.Int("port", DefaultPort, 0, 65_535),
            ApiKey = key?.Key,
            AllowedHosts = AllowedHosts(reader.String("allowed-hosts")),
            RequestsPerSecond = reader.Int("rate-limit", ApiServerSettings.DefaultRequestsPerSecond, 1, 10_000_000),
            MetricsFile = reader.String("emf"),
        };
        if (keysFile is not null)
        {
            settings = settings with { ApiKeys = await ApiKeysFile.ReadAsync(keysFile, cancellationToken) };
        }

        var logFormatText = reader.String("log-format");
        if (!GymCoachLogging.TryParseFormat(logFormatText ?? "text", out var logFormat))
        {
            throw new UsageException($"--log-format must be text or json, was '{logFormatText}'");
        }

        var backendOptions = timeouts.ApplyTo(BackendOptions.Read(reader));
        reader.EnsureAllUsed();
        if (key is { IsInProcessList: true })
        {
            await System.Console.Error.WriteLineAsync(key.ProcessListWarning("run"));
        }

        var logger = CliLogging.Create(backendOptions.Verbose, logFormat);
        await using var backend = await BackendFactory.OpenAsync(backendName, backendOptions, StateAccess.Write, "gymcoach run", cancellationToken);
        await using var server = await ApiServer.StartAsync(backend, settings, logger, backendOptions.Verbose, cancellationToken);

        var output = System.Console.Out;
        await output.WriteLineAsync($"GymCoach API listening on {server.BaseAddress} (OpenAPI document: {server.BaseAddress}openapi/v1.json)");
        await output.WriteLineAsync(
            settings.ApiKeys is { Count: > 0 } configured ? $"API keys: {configured.Count} from the keys file ({string.Join(", ", configured.Select(k => k.Name))})"
            : settings.ApiKey is null ? $"API key (all operations, shown only now): {server.ApiKey}"
            : $"API key: the one from {key?.Source} (all operations)");
        await output.WriteLineAsync($"Dashboard (no key needed, local only): {server.BaseAddress}dashboard");
        if (backend is LocalBackend local)
        {
            await output.WriteLineAsync($"Local SQS endpoint (for gymcoach queues|dlq --backend local --sqs-endpoint): {local.SqsEndpoint}");
        }

        await output.WriteLineAsync("Ctrl-C stops: requests in flight are answered and queued work is processed first.");
        await output.FlushAsync(cancellationToken);

        // Ctrl-C arrives as the command's token; a service manager's SIGTERM must stop the same graceful way.
        using var terminated = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            terminated.Cancel();
        });
        var progress = ProgressLine.ForStandardError();
        try
        {
            await RunProgress.FollowAsync(server.Sampler, progress, terminated.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: the normal way to stop.
        }
        finally
        {
            progress.Finish();
        }

        await System.Console.Error.WriteLineAsync("gymcoach run: stopping: finishing requests, then draining the queues...");
        var summary = await server.StopAsync();
        await System.Console.Error.WriteLineAsync($"gymcoach run: stopped ({summary})");
        return ExitCodes.Success;
    }

    /// <summary>The hosts of <c>--allowed-hosts a,b</c>; checked, with the API's other options, before anything starts.</summary>
    private static IReadOnlyList<string> AllowedHosts(string? list)
    {
        if (list is null)
        {
            return IngestApiOptions.DefaultAllowedHosts;
        }

        var hosts = list.Split(',', StringSplitOptions.TrimEntries);
        try
        {
            new IngestApiOptions { AllowedHosts = hosts }.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--allowed-hosts: {ex.Message}");
        }

        return hosts;
    }
}
