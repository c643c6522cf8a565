using System.Text.Json;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Storage;

/// <summary>The stored analytics item of a user: its key, how it is written, and how it is read back as state or as the served document.</summary>
/// <remarks>
/// The item's version is its revision: 1 for the first result, then one more per fold or rebuild. A write carries the
/// revision it read plus one under <see cref="WriteCondition.IfNewerVersion"/>, which succeeds only while the stored
/// revision is still the one read: a compare-and-swap, so two folds of one user never both apply.
/// </remarks>
public static class AnalyticsItems
{
    public static ItemKey Key(string userId) => new(TableKeys.UserPartition(userId), TableKeys.AnalyticsSortKey);

    /// <summary>The write that replaces revision <paramref name="readRevision"/> (0 when there was none) with <paramref name="analytics"/>.</summary>
    /// <param name="pendingMarks">The workouts counted whose marks may not be written yet (<see cref="StoredAnalytics.PendingMarks"/>).</param>
    public static ItemWrite Replace(UserAnalytics analytics, long readRevision, IReadOnlyList<string> pendingMarks) => new(
        new StoredItem
        {
            PartitionKey = TableKeys.UserPartition(analytics.UserId),
            SortKey = TableKeys.AnalyticsSortKey,
            Data = JsonSerializer.Serialize(
                new StoredAnalytics { CalculatorVersion = AnalyticsCalculator.Version, Analytics = analytics, PendingMarks = pendingMarks },
                StorageJsonContext.Default.StoredAnalytics),
            Version = readRevision + 1,
        },
        WriteCondition.IfNewerVersion);

    /// <summary>The stored state, or null when the item was not written by this scheme (an older format: rebuild it).</summary>
    public static StoredAnalytics? ReadState(StoredItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            return JsonSerializer.Deserialize(item.Data, StorageJsonContext.Default.StoredAnalytics);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The served document: the stored state rounded, or an item of the older format (a stored document) as it is.</summary>
    /// <exception cref="JsonException">The item holds neither.</exception>
    public static AnalyticsDocument ReadDocument(StoredItem item) =>
        ReadState(item) is { } state ? AnalyticsDocument.From(state.Analytics) : AnalyticsJson.Parse(item.Data);
}
