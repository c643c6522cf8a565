using System.Text.Json.Serialization;
using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Storage;

/// <summary>A user's analytics as stored: exact (unrounded) so that new workouts fold onto it, with the calculator version that made it.</summary>
/// <remarks>
/// The served <see cref="AnalyticsDocument"/> is rounded from it on read. Which workouts it counts is recorded on the
/// workouts themselves (<see cref="WorkoutItems"/>), written in the same transaction as this item.
/// </remarks>
public sealed record StoredAnalytics
{
    /// <summary>The <see cref="AnalyticsCalculator.Version"/> that computed <see cref="Analytics"/>.</summary>
    [JsonPropertyName("calculatorVersion")]
    public required int CalculatorVersion { get; init; }

    [JsonPropertyName("analytics")]
    public required UserAnalytics Analytics { get; init; }
}
