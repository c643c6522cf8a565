using GymCoach.Contracts.Storage;
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

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        UserDocumentCommand.RunAsync(args, Name, ReadAsync, "unknown user, or none of their workouts processed yet", cancellationToken);

    private static async Task<string?> ReadAsync(IItemStore store, string userId, CancellationToken cancellationToken) =>
        await new AnalyticsReader(store, new AnalyticsCache(new CacheOptions())).GetAsync(userId, cancellationToken) is { } analytics
            ? AnalyticsJson.Serialize(analytics, indented: true)
            : null;
}
