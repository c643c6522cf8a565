using GymCoach.Cli.Backends;
using GymCoach.Cli.Terminal;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Caching;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Cli.Commands;

/// <summary><c>gymcoach analytics</c>: prints a user's precomputed analytics, the document the HTTP API serves.</summary>
internal sealed class AnalyticsCommand : ICommand
{
    public string Name => "analytics";

    public string Summary => "Print a user's precomputed training analytics as JSON";

    public string Usage => "gymcoach analytics <userId> [--backend embedded|local|aws] [--state DIR]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var reader = new ArgumentReader(args, BackendOptions.Flags);
        var backendName = BackendOptions.ReadBackend(reader);
        var backendOptions = BackendOptions.Read(reader);
        reader.EnsureAllUsed(positionalCount: 1);
        var userId = reader.Positionals.Count == 1 ? reader.Positionals[0] : throw new UsageException("the user id is required");

        await using var backend = await BackendFactory.OpenAsync(backendName, backendOptions, StateAccess.ReadOnly, "gymcoach analytics", cancellationToken);
        var analyticsReader = new AnalyticsReader(backend.Store, new AnalyticsCache(new CacheOptions()));
        var analytics = await analyticsReader.GetAsync(userId, cancellationToken)
            ?? throw new CommandFailedException($"no analytics for user '{userId}': unknown user, or none of their workouts processed yet");
        // The JSON encoder already escapes control characters; going through TerminalText keeps that true if it ever changes.
        System.Console.Out.WriteLine(TerminalText.Lines(AnalyticsJson.Serialize(analytics, indented: true)));
        return ExitCodes.Success;
    }
}
