using System.Globalization;
using GymCoach.Cli.Demo;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Storage;

namespace GymCoach.Benchmarks.Reads;

/// <summary>Stores every user's analytics item as the analytics worker writes it, computed from the demo generator's workouts.</summary>
/// <remarks>
/// Users are generated in groups, and renumbered, so that the workouts of 10,000 users (about 1 GB of objects) are never
/// all in memory at once: only the stored items stay, as they would in the table.
/// </remarks>
internal static class AnalyticsPrefill
{
    private const int UsersPerGroup = 500;

    // BatchWriteItem's limit: the store is written in the batches the DynamoDB adapter would send.
    private const int WritesPerBatch = 25;

    /// <summary>The stored users' ids, by popularity rank, and the mean size of their served documents.</summary>
    public sealed record Result(string[] UserIds, double MeanDocumentBytes);

    public static async Task<Result> StoreAsync(IItemStore store, int users, int workoutsPerUser, int seed, CancellationToken cancellationToken)
    {
        var userIds = new string[users];
        var computedAt = DateTimeOffset.UtcNow;
        long documentBytes = 0;
        for (var first = 0; first < users; first += UsersPerGroup)
        {
            var groupSize = Math.Min(UsersPerGroup, users - first);
            var generator = new WorkloadGenerator(new DemoOptions { Users = groupSize, Seed = seed + (first / UsersPerGroup) });
            var writes = new List<ItemWrite>(groupSize);
            foreach (var group in generator.GenerateHistory(workoutsPerUser).GroupBy(w => w.UserId, StringComparer.Ordinal))
            {
                // The generator names its users user-00001.. in every group: renumber them into one sequence.
                var index = first + int.Parse(group.Key.AsSpan("user-".Length), CultureInfo.InvariantCulture) - 1;
                var userId = UserId(index);
                userIds[index] = userId;
                var analytics = AnalyticsCalculator.Compute(userId, group.Select(w => w with { UserId = userId }), computedAt);
                documentBytes += AnalyticsJson.SerializeToUtf8Bytes(AnalyticsDocument.From(analytics)).Length;
                writes.Add(AnalyticsItems.Replace(analytics, readRevision: 0, pendingMarks: []));
            }

            foreach (var batch in writes.Chunk(WritesPerBatch))
            {
                var results = await store.WriteAsync(batch, cancellationToken);
                if (results.Any(r => !r.Written))
                {
                    throw new InvalidOperationException("The store refused an analytics item of the prefill.");
                }
            }
        }

        return new Result(userIds, (double)documentBytes / users);
    }

    private static string UserId(int index) => string.Create(CultureInfo.InvariantCulture, $"user-{index + 1:D6}");
}
