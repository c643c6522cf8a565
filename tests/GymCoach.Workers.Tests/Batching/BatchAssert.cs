using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Tests.Batching;

/// <summary>Checks what every outcome must hold whatever went wrong, and reads it in test terms.</summary>
internal static class BatchAssert
{
    /// <summary>Failure ids are non-empty, unique and from the event; the counts add up to the records.</summary>
    public static void WellFormed(SqsEvent sqsEvent, BatchOutcome outcome)
    {
        var eventIds = sqsEvent.Records.Where(r => r is not null).Select(r => r.MessageId).ToHashSet(StringComparer.Ordinal);
        var failed = FailedIds(outcome);
        Assert.All(failed, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.All(failed, id => Assert.Contains(id, eventIds));
        Assert.Equal(failed.Count, failed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(sqsEvent.Records.Count, outcome.Total);
    }

    public static List<string> FailedIds(BatchOutcome outcome) =>
        [.. outcome.Response.BatchItemFailures.Select(f => f.ItemIdentifier)];

    /// <summary>The failures, as a sorted list, for comparisons that do not depend on chunk timing.</summary>
    public static List<string> SortedFailedIds(BatchOutcome outcome) =>
        [.. FailedIds(outcome).Order(StringComparer.Ordinal)];
}
