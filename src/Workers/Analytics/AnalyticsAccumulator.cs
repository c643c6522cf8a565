using System.Runtime.InteropServices;
using GymCoach.Contracts.Events;

namespace GymCoach.Workers.Analytics;

/// <summary>Running totals of one user's analytics: workouts are added one at a time, in any order, onto an empty or a stored result.</summary>
/// <remarks>
/// Every figure is a sum or a best over sets, and exact decimal sums and maxima do not depend on order or grouping, so
/// folding new workouts onto a stored result gives exactly what a computation over all the workouts gives. The streak
/// is derived from the weeks at the end, never accumulated.
/// </remarks>
internal sealed class AnalyticsAccumulator
{
    // Most users train a handful of distinct exercises; a year of weekly training is ~52 weeks.
    private const int InitialExerciseCapacity = 16;
    private const int InitialWeekCapacity = 64;

    private readonly string _userId;
    private readonly Dictionary<IsoWeek, WeekTotals> _weeks;
    private readonly Dictionary<string, ExerciseTotals> _exercises;
    private int _totalWorkouts;
    private int _totalSets;
    private int _totalReps;
    private decimal _totalVolumeKg;
    private DateTimeOffset? _lastWorkoutAt;

    public AnalyticsAccumulator(string userId)
    {
        _userId = userId;
        _weeks = new Dictionary<IsoWeek, WeekTotals>(InitialWeekCapacity);
        _exercises = new Dictionary<string, ExerciseTotals>(InitialExerciseCapacity, StringComparer.Ordinal);
    }

    /// <summary>Continues from a stored exact result.</summary>
    public AnalyticsAccumulator(UserAnalytics start)
    {
        ArgumentNullException.ThrowIfNull(start);
        _userId = start.UserId;
        _weeks = new Dictionary<IsoWeek, WeekTotals>(start.Weekly.Count + 1);
        foreach (var week in start.Weekly)
        {
            _weeks[IsoWeek.Parse(week.Week)] = new WeekTotals { Workouts = week.Workouts, Sets = week.Sets, VolumeKg = week.VolumeKg };
        }

        _exercises = new Dictionary<string, ExerciseTotals>(start.Exercises.Count + 1, StringComparer.Ordinal);
        foreach (var exercise in start.Exercises)
        {
            _exercises[exercise.ExerciseId] = new ExerciseTotals
            {
                Sets = exercise.Sets,
                Reps = exercise.Reps,
                VolumeKg = exercise.VolumeKg,
                BestWeightKg = exercise.BestWeightKg,
                BestEstimated1RmKg = exercise.BestEstimated1RmKg,
            };
        }

        _totalWorkouts = start.TotalWorkouts;
        _totalSets = start.TotalSets;
        _totalReps = start.TotalReps;
        _totalVolumeKg = start.TotalVolumeKg;
        _lastWorkoutAt = start.LastWorkoutAt;
    }

    /// <exception cref="ArgumentException">The workout is null or belongs to another user.</exception>
    public void Add(WorkoutLogged workout)
    {
        if (workout is null || !string.Equals(workout.UserId, _userId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Every workout must belong to user '{_userId}'.", nameof(workout));
        }

        var kilogramsPerUnit = AnalyticsCalculator.KilogramsPer(workout.Unit);
        var workoutSets = 0;
        var workoutVolumeKg = 0m;
        for (var e = 0; e < workout.Exercises.Count; e++)
        {
            var exercise = workout.Exercises[e];
            ref var totals = ref CollectionsMarshal.GetValueRefOrAddDefault(_exercises, exercise.ExerciseId, out _);
            for (var s = 0; s < exercise.Sets.Count; s++)
            {
                var set = exercise.Sets[s];
                var weightKg = set.Weight * kilogramsPerUnit;
                var volumeKg = set.Reps * weightKg;
                totals.Add(set.Reps, weightKg, volumeKg, AnalyticsCalculator.EstimateOneRepMaxKg(weightKg, set.Reps));
                workoutSets++;
                _totalReps += set.Reps;
                workoutVolumeKg += volumeKg;
            }
        }

        ref var week = ref CollectionsMarshal.GetValueRefOrAddDefault(_weeks, IsoWeek.Of(workout.PerformedAt), out _);
        week.Workouts++;
        week.Sets += workoutSets;
        week.VolumeKg += workoutVolumeKg;

        _totalWorkouts++;
        _totalSets += workoutSets;
        _totalVolumeKg += workoutVolumeKg;
        var performedAt = workout.PerformedAt.ToUniversalTime();
        if (_lastWorkoutAt is null || performedAt > _lastWorkoutAt.Value)
        {
            _lastWorkoutAt = performedAt;
        }
    }

    public UserAnalytics ToAnalytics(DateTimeOffset computedAt) => new()
    {
        UserId = _userId,
        TotalWorkouts = _totalWorkouts,
        TotalSets = _totalSets,
        TotalReps = _totalReps,
        TotalVolumeKg = _totalVolumeKg,
        Weekly = ToWeekly(),
        Exercises = ToExercises(),
        CurrentStreakWeeks = _lastWorkoutAt is { } last ? StreakEndingAt(IsoWeek.Of(last)) : 0,
        LastWorkoutAt = _lastWorkoutAt,
        ComputedFromWorkouts = _totalWorkouts,
        ComputedAt = computedAt.ToUniversalTime(),
    };

    private int StreakEndingAt(IsoWeek latest)
    {
        var streak = 0;
        for (var week = latest; _weeks.ContainsKey(week); week = week.Previous())
        {
            streak++;
        }

        return streak;
    }

    private WeeklyAnalytics[] ToWeekly()
    {
        var keys = new IsoWeek[_weeks.Count];
        _weeks.Keys.CopyTo(keys, 0);
        Array.Sort(keys);

        var weekly = new WeeklyAnalytics[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var totals = _weeks[keys[i]];
            weekly[i] = new WeeklyAnalytics { Week = keys[i].ToString(), Workouts = totals.Workouts, Sets = totals.Sets, VolumeKg = totals.VolumeKg };
        }

        return weekly;
    }

    private ExerciseAnalytics[] ToExercises()
    {
        var result = new ExerciseAnalytics[_exercises.Count];
        var i = 0;
        foreach (var (exerciseId, totals) in _exercises)
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
            if (Sets == 0 || Beats(weightKg, BestWeightKg))
            {
                BestWeightKg = weightKg;
            }

            if (Sets == 0 || Beats(estimated1RmKg, BestEstimated1RmKg))
            {
                BestEstimated1RmKg = estimated1RmKg;
            }

            Sets++;
            Reps += reps;
            VolumeKg += volumeKg;
        }

        // Equal values of different scale (381 and 381.0) are ranked by scale, so the best is the same whatever the order.
        private static bool Beats(decimal candidate, decimal best) =>
            candidate > best || (candidate == best && candidate.Scale > best.Scale);
    }
}
