using System.Text.Json.Serialization;
using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Storage;

/// <summary>A user's analytics as stored: exact (unrounded) so that new workouts fold onto it, with the calculator version that made it.</summary>
/// <remarks>
/// The served <see cref="AnalyticsDocument"/> is rounded from it on read. Which workouts it counts is recorded by their
/// marks (<see cref="WorkoutItems.Folded"/>), and, for the workouts the last fold added, by <see cref="PendingMarks"/>:
/// that fold committed this item first and marked them after it, so their marks may be missing (a crash in between).
/// </remarks>
public sealed record StoredAnalytics
{
    /// <summary>The <see cref="AnalyticsCalculator.Version"/> that computed <see cref="Analytics"/>.</summary>
    [JsonPropertyName("calculatorVersion")]
    public required int CalculatorVersion { get; init; }

    [JsonPropertyName("analytics")]
    public required UserAnalytics Analytics { get; init; }

    /// <summary>The ids of the workouts the last fold counted, whose marks may not be written yet; absent in items of the earlier scheme.</summary>
    [JsonPropertyName("pendingMarks")]
    public IReadOnlyList<string>? PendingMarks { get; init; }
}
