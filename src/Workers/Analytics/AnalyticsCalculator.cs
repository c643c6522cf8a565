using GymCoach.Contracts.Events;

namespace GymCoach.Workers.Analytics;

/// <summary>Computes a user's <see cref="UserAnalytics"/> from their workouts: all at once, or folded onto a stored result.</summary>
/// <remarks>
/// Everything is exact decimal arithmetic in kilograms (1 lb = 0.45359237 kg); nothing is rounded, so the result
/// does not depend on the order of the workouts, nor on how they were split between folds. Weeks are ISO-8601 weeks
/// of <c>performedAt</c> in UTC.
/// </remarks>
public static class AnalyticsCalculator
{
    /// <summary>Kilograms per pound, exactly (international avoirdupois pound).</summary>
    public const decimal KilogramsPerPound = 0.45359237m;

    /// <summary>The version of these formulas. Stored results of another version are rebuilt from the workouts, not folded onto.</summary>
    /// <remarks>Raise it with every change that alters a result computed from the same workouts.</remarks>
    public const int Version = 2;

    /// <summary>Computes the analytics of <paramref name="userId"/> from their distinct workouts, in any order.</summary>
    /// <exception cref="ArgumentException">A workout is null or belongs to another user.</exception>
    public static UserAnalytics Compute(string userId, IEnumerable<WorkoutLogged> workouts, DateTimeOffset computedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(workouts);
        return Fold(new AnalyticsAccumulator(userId), workouts, computedAt);
    }

    /// <summary>Adds workouts not yet counted to a stored exact result: the same as computing over all of them at once.</summary>
    /// <exception cref="ArgumentException">A workout is null or belongs to another user.</exception>
    public static UserAnalytics Fold(UserAnalytics current, IEnumerable<WorkoutLogged> added, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(added);
        return Fold(new AnalyticsAccumulator(current), added, computedAt);
    }

    /// <summary>Epley's estimate weight × (1 + reps / 30), multiplied out before the one division; a single rep is the weight itself.</summary>
    internal static decimal EstimateOneRepMaxKg(decimal weightKg, int reps) =>
        reps == 1 ? weightKg : weightKg * (30 + reps) / 30;

    internal static decimal KilogramsPer(WeightUnit unit) => unit switch
    {
        WeightUnit.Kg => 1m,
        WeightUnit.Lb => KilogramsPerPound,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown weight unit."),
    };

    private static UserAnalytics Fold(AnalyticsAccumulator accumulator, IEnumerable<WorkoutLogged> workouts, DateTimeOffset computedAt)
    {
        foreach (var workout in workouts)
        {
            accumulator.Add(workout);
        }

        return accumulator.ToAnalytics(computedAt);
    }
}
