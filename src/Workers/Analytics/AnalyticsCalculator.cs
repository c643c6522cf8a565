using System.Runtime.InteropServices;
using GymCoach.Contracts.Events;

namespace GymCoach.Workers.Analytics;

/// <summary>Computes a user's <see cref="UserAnalytics"/> from their stored workouts.</summary>
/// <remarks>
/// Everything is exact decimal arithmetic in kilograms (1 lb = 0.45359237 kg); nothing is rounded, so the result
/// does not depend on the order of the workouts. Weeks are ISO-8601 weeks of <c>performedAt</c> in UTC.
/// </remarks>
public static class AnalyticsCalculator
{
    /// <summary>Kilograms per pound, exactly (international avoirdupois pound).</summary>
    public const decimal KilogramsPerPound = 0.45359237m;

    // Most users train a handful of distinct exercises; a year of weekly training is ~52 weeks.
    private const int InitialExerciseCapacity = 16;
    private const int MaxInitialWeekCapacity = 64;

    /// <summary>Computes the analytics of <paramref name="userId"/> from their distinct workouts, in any order.</summary>
    /// <exception cref="ArgumentException">A workout is null or belongs to another user.</exception>
    public static UserAnalytics Compute(string userId, IEnumerable<WorkoutLogged> workouts, DateTimeOffset computedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(workouts);

        var weekCapacity = workouts.TryGetNonEnumeratedCount(out var count) ? Math.Min(count, MaxInitialWeekCapacity) : 0;
        var weeks = new Dictionary<IsoWeek, WeekTotals>(weekCapacity);
        var exercises = new Dictionary<string, ExerciseTotals>(InitialExerciseCapacity, StringComparer.Ordinal);

        var totalWorkouts = 0;
        var totalSets = 0;
        var totalReps = 0;
        var totalVolumeKg = 0m;
        DateTimeOffset? lastWorkoutAt = null;

        foreach (var workout in workouts)
        {
            if (workout is null || !string.Equals(workout.UserId, userId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Every workout must belong to user '{userId}'.", nameof(workouts));
            }

            var kilogramsPerUnit = KilogramsPer(workout.Unit);
            var workoutSets = 0;
            var workoutVolumeKg = 0m;

            for (var e = 0; e < workout.Exercises.Count; e++)
            {
                var exercise = workout.Exercises[e];
                ref var totals = ref CollectionsMarshal.GetValueRefOrAddDefault(exercises, exercise.ExerciseId, out _);
                for (var s = 0; s < exercise.Sets.Count; s++)
                {
                    var set = exercise.Sets[s];
                    var weightKg = set.Weight * kilogramsPerUnit;
                    var volumeKg = set.Reps * weightKg;
                    totals.Add(set.Reps, weightKg, volumeKg, EstimateOneRepMaxKg(weightKg, set.Reps));
                    workoutSets++;
                    totalReps += set.Reps;
                    workoutVolumeKg += volumeKg;
                }
            }

            ref var week = ref CollectionsMarshal.GetValueRefOrAddDefault(weeks, IsoWeek.Of(workout.PerformedAt), out _);
            week.Workouts++;
            week.Sets += workoutSets;
            week.VolumeKg += workoutVolumeKg;

            totalWorkouts++;
            totalSets += workoutSets;
            totalVolumeKg += workoutVolumeKg;
            if (lastWorkoutAt is null || workout.PerformedAt > lastWorkoutAt.Value)
            {
                lastWorkoutAt = workout.PerformedAt;
            }
        }

        var lastUtc = lastWorkoutAt?.ToUniversalTime();
        return new UserAnalytics
        {
            UserId = userId,
            TotalWorkouts = totalWorkouts,
            TotalSets = totalSets,
            TotalReps = totalReps,
            TotalVolumeKg = totalVolumeKg,
            Weekly = ToWeekly(weeks),
            Exercises = ToExercises(exercises),
            CurrentStreakWeeks = lastUtc is null ? 0 : StreakEndingAt(IsoWeek.Of(lastUtc.Value), weeks),
            LastWorkoutAt = lastUtc,
            ComputedFromWorkouts = totalWorkouts,
            ComputedAt = computedAt.ToUniversalTime(),
        };
    }

    /// <summary>Epley's estimate weight × (1 + reps / 30), multiplied out before the one division; a single rep is the weight itself.</summary>
    internal static decimal EstimateOneRepMaxKg(decimal weightKg, int reps) =>
        reps == 1 ? weightKg : weightKg * (30 + reps) / 30;

    private static decimal KilogramsPer(WeightUnit unit) => unit switch
    {
        WeightUnit.Kg => 1m,
        WeightUnit.Lb => KilogramsPerPound,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown weight unit."),
    };

    private static int StreakEndingAt(IsoWeek latest, Dictionary<IsoWeek, WeekTotals> weeks)
    {
        var streak = 0;
        for (var week = latest; weeks.ContainsKey(week); week = week.Previous())
        {
            streak++;
        }

        return streak;
    }

    private static WeeklyAnalytics[] ToWeekly(Dictionary<IsoWeek, WeekTotals> weeks)
    {
        var keys = new IsoWeek[weeks.Count];
        weeks.Keys.CopyTo(keys, 0);
        Array.Sort(keys);

        var weekly = new WeeklyAnalytics[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var totals = weeks[keys[i]];
            weekly[i] = new WeeklyAnalytics
            {
                Week = keys[i].ToString(),
                Workouts = totals.Workouts,
                Sets = totals.Sets,
                VolumeKg = totals.VolumeKg,
            };
        }

        return weekly;
    }

    private static ExerciseAnalytics[] ToExercises(Dictionary<string, ExerciseTotals> exercises)
    {
        var result = new ExerciseAnalytics[exercises.Count];
        var i = 0;
        foreach (var (exerciseId, totals) in exercises)
        {
            result[i++] = new ExerciseAnalytics
            {
                ExerciseId = exerciseId,
                Sets = totals.Sets,
                Reps = totals.Reps,
                VolumeKg = totals.VolumeKg,
                BestWeightKg = totals.BestWeightKg,
                BestEstimated1RmKg = totals.BestEstimated1RmKg,
            };
        }

        Array.Sort(result, static (a, b) => string.CompareOrdinal(a.ExerciseId, b.ExerciseId));
        return result;
    }

    private struct WeekTotals
    {
        public int Workouts;
        public int Sets;
        public decimal VolumeKg;
    }

    private struct ExerciseTotals
    {
        public int Sets;
        public int Reps;
        public decimal VolumeKg;
        public decimal BestWeightKg;
        public decimal BestEstimated1RmKg;

        public void Add(int reps, decimal weightKg, decimal volumeKg, decimal estimated1RmKg)
        {
            // The first set sets the bests, so negative (assisted) weights are not hidden behind a 0 default.
            if (Sets == 0 || weightKg > BestWeightKg)
            {
                BestWeightKg = weightKg;
            }

            if (Sets == 0 || estimated1RmKg > BestEstimated1RmKg)
            {
                BestEstimated1RmKg = estimated1RmKg;
            }

            Sets++;
            Reps += reps;
            VolumeKg += volumeKg;
        }
    }
}
