using System.Text.Json;
using GymCoach.Cli.Backends;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Storage;

namespace GymCoach.Cli.Demo;

/// <summary>Checks a finished run: every user's stored analytics must equal a direct computation over the workouts generated for them.</summary>
internal sealed class DemoVerifier(IBackend backend)
{
    private const int MaxReported = 5;

    /// <summary>Messages in both dead-letter queues now; a run's own dead letters are counted from this baseline.</summary>
    public async Task<long> CountDeadLettersAsync(CancellationToken cancellationToken) =>
        (await backend.WritesDeadLetterQueue.GetCountsAsync(cancellationToken)).Total
        + (await backend.AnalyticsDeadLetterQueue.GetCountsAsync(cancellationToken)).Total;

    /// <param name="deadLettersMayRepeat">
    /// Producers posted again what got no answer: a conflicting re-post accepted twice is dead-lettered twice, so at
    /// least the expected dead letters must be there, not exactly them.
    /// </param>
    public async Task<DemoCheck> VerifyAsync(Workload workload, long deadLettersBefore, int rejected, CancellationToken cancellationToken, bool deadLettersMayRepeat = false)
    {
        var mismatches = new List<string>();
        var users = 0;
        foreach (var (userId, workouts) in workload.WorkoutsByUser)
        {
            users++;
            var stored = await backend.Store.GetAsync(TableKeys.UserPartition(userId), TableKeys.AnalyticsSortKey, cancellationToken);
            if (workouts.Count == 0)
            {
                if (stored is not null)
                {
                    mismatches.Add($"{userId}: has analytics but logged no workouts");
                }

                continue;
            }

            if (stored is null)
            {
                mismatches.Add($"{userId}: no analytics stored for {workouts.Count} workouts");
                continue;
            }

            var actual = AnalyticsItems.ReadDocument(stored);
            var expected = AnalyticsDocument.From(AnalyticsCalculator.Compute(userId, workouts, actual.ComputedAt));
            if (AnalyticsJson.Serialize(expected) != AnalyticsJson.Serialize(actual))
            {
                mismatches.Add($"{userId}: stored analytics (from {actual.ComputedFromWorkouts} workouts) differ from the direct computation (from {workouts.Count})");
            }
        }

        var profiles = 0;
        foreach (var (userId, expected) in workload.NewestProfiles)
        {
            profiles++;
            var stored = await backend.Store.GetAsync(TableKeys.UserPartition(userId), TableKeys.ProfileSortKey, cancellationToken);
            var actual = stored is null ? null : JsonSerializer.Deserialize(stored.Data, StorageJsonContext.Default.StoredProfile)?.Profile;
            if (actual is null || Json(actual) != Json(expected))
            {
                mismatches.Add($"{userId}: stored profile is not the newest one sent");
            }
        }

        var deadLetters = await CountDeadLettersAsync(cancellationToken) - deadLettersBefore;
        if (deadLettersMayRepeat ? deadLetters < workload.ExpectedDeadLetters : deadLetters != workload.ExpectedDeadLetters)
        {
            mismatches.Add($"dead letters: {deadLetters} instead of {workload.ExpectedDeadLetters}; reasons: {await DeadLetterReasonsAsync(cancellationToken)}");
        }

        return new DemoCheck(users, profiles, deadLetters, workload.ExpectedDeadLetters, rejected, workload.ExpectedRejections, mismatches.Count, mismatches[..Math.Min(MaxReported, mismatches.Count)])
        {
            DeadLettersMayRepeat = deadLettersMayRepeat,
        };
    }

    /// <summary>The distinct failure reasons in the dead-letter queues, peeked (the messages stay there).</summary>
    private async Task<string> DeadLetterReasonsAsync(CancellationToken cancellationToken)
    {
        var reasons = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var queue in new[] { backend.WritesDeadLetterQueue, backend.AnalyticsDeadLetterQueue })
        {
            foreach (var message in await queue.ReceiveAsync(10, TimeSpan.Zero, cancellationToken))
            {
                reasons.Add($"{queue.Name}: {message.GetStringAttribute(MessageAttributeNames.FailureReason) ?? "redriven after too many receives"}");
                await queue.ChangeVisibilityAsync(message.ReceiptHandle!, TimeSpan.Zero, cancellationToken);
            }
        }

        return string.Join(" | ", reasons);
    }

    private static string Json(ProfileUpdated profile) => JsonSerializer.Serialize(profile, EventJsonContext.Default.ProfileUpdated);
}
