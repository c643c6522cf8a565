using GymCoach.Cli.Backends;
using GymCoach.Cli.Reports;

namespace GymCoach.Cli.Commands;

/// <summary><c>gymcoach queues</c>: depth, in-flight, delayed and oldest message of each pipeline queue and its dead-letter queue.</summary>
internal sealed class QueuesCommand : ICommand
{
    private static readonly IReadOnlySet<string> FlagNames = new HashSet<string>(StringComparer.Ordinal) { "json", "verbose" };

    public string Name => "queues";

    public string Summary => "Show each queue's depth, in-flight, delayed, oldest message and dead-letter depth";

    public string Usage => "gymcoach queues [--backend embedded|local|aws] [--sqs-endpoint URL] [--state DIR] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var reader = new ArgumentReader(args, FlagNames);
        var backend = BackendOptions.ReadBackend(reader);
        var endpoint = reader.String("sqs-endpoint");
        var json = reader.Flag("json");
        var backendOptions = BackendOptions.Read(reader);
        reader.EnsureAllUsed();

        await using var queues = await QueueSetOpener.OpenAsync(backend, endpoint, backendOptions.StateDirectory, StateAccess.ReadOnly, "gymcoach queues", cancellationToken);
        var rows = await QueueReport.GatherAsync(queues, cancellationToken);
        var state = queues.StateDirectory is { } folder ? StateFolderSize.Of(folder) : null;
        await Console.Out.WriteAsync(json ? QueueReport.RenderJson(backend, rows, state) : QueueReport.RenderTable(backend, rows, state));
        return ExitCodes.Success;
    }
}
