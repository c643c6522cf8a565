using GymCoach.Cli.Backends;
using GymCoach.Cli.Reports;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Validation;
using GymCoach.Workers.Publishing;

namespace GymCoach.Cli.Commands;

/// <summary><c>gymcoach rebuild</c>: asks the analytics worker to recompute users' analytics from every stored workout.</summary>
/// <remarks>
/// Folding keeps analytics current at a cost independent of history; a rebuild reads the whole history on purpose, for
/// a repair. It is a recompute request with reason <c>rebuild</c> on the analytics queue, processed by the running
/// workers (<c>gymcoach run</c> on the embedded backend picks it up from the state folder). A calculator change needs no
/// command: stored analytics of another calculator version are rebuilt by the next request that reaches them.
/// </remarks>
internal sealed class RebuildCommand : ICommand
{
    public const string EventSource = "gymcoach/cli";

    public string Name => "rebuild";

    public string Summary => "Queue a full rebuild of users' analytics from every stored workout (a repair; the next run processes it)";

    public string Usage => "gymcoach rebuild --user ID[,ID...] [--backend embedded|local|aws] [--sqs-endpoint URL] [--state DIR]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var reader = new ArgumentReader(args, BackendOptions.Flags);
        var backend = BackendOptions.ReadBackend(reader);
        var endpoint = reader.String("sqs-endpoint");
        var users = ReadUsers(reader.String("user"));
        var backendOptions = BackendOptions.Read(reader);
        reader.EnsureAllUsed();

        await using var queues = await QueueSetOpener.OpenAsync(backend, endpoint, backendOptions.StateDirectory, StateAccess.Write, "gymcoach rebuild", cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var requests = users.Select(userId => new OutgoingMessage
        {
            Body = EventWriter.Serialize(EventWriter.AnalyticsRecompute(
                new AnalyticsRecomputeRequested { UserId = userId, Reason = RecomputeReasons.Rebuild },
                EventSource,
                Guid.NewGuid().ToString(),
                now)),
        }).ToList();
        var outcomes = await RetryingBatchSend.SendAsync(queues.Analytics, requests, cancellationToken: cancellationToken);

        var failed = outcomes.Count(o => !o.Succeeded);
        await Console.Out.WriteLineAsync($"Queued {outcomes.Length - failed} rebuild request(s) on {queues.Analytics.Name}" + (failed > 0 ? $"; {failed} could not be sent" : "."));
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static List<string> ReadUsers(string? value)
    {
        var users = (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (users.Count == 0)
        {
            throw new UsageException("--user is required: one user id, or several separated by commas");
        }

        foreach (var userId in users)
        {
            var errors = EventValidator.ValidateRecompute(new AnalyticsRecomputeRequested { UserId = userId, Reason = RecomputeReasons.Rebuild });
            if (errors.Count > 0)
            {
                throw new UsageException($"--user: '{userId}' is not a valid user id: {errors[0].Message}");
            }
        }

        return users;
    }
}
