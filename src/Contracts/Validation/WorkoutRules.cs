using GymCoach.Contracts.Events;
using static GymCoach.Contracts.Validation.ValidationLimits;

namespace GymCoach.Contracts.Validation;

/// <summary>The rules of <c>gymcoach.workout.logged.v1</c> data.</summary>
internal static class WorkoutRules
{
    public static void Check(ErrorCollector errors, WorkoutLogged workout, DateTimeOffset now)
    {
        errors.Id("workoutId", workout.WorkoutId);
        errors.Id("userId", workout.UserId);
        CheckPerformedAt(errors, workout.PerformedAt, now);
        errors.Range("durationSeconds", workout.DurationSeconds, MinDurationSeconds, MaxDurationSeconds);
        UnitRules.Check(errors, "unit", workout.Unit);

        if (!errors.Present("exercises", workout.Exercises))
        {
            return;
        }

        errors.Count("exercises", workout.Exercises.Count, MinExercises, MaxExercises);
        for (var i = 0; i < workout.Exercises.Count; i++)
        {
            CheckExercise(errors, workout.Exercises[i], $"exercises[{i}]");
        }
    }

    private static void CheckPerformedAt(ErrorCollector errors, DateTimeOffset performedAt, DateTimeOffset now)
    {
        // Day boundaries and streaks are computed in UTC; a local offset here means the producer skipped the conversion.
        if (performedAt.Offset != TimeSpan.Zero)
        {
            errors.Add("performedAt", ErrorCollector.Format(
                $"must be in UTC (offset zero, e.g. 2025-01-31T18:00:00Z), was offset {performedAt:zzz}"));
        }

        var latest = now + MaxPerformedAtAhead;
        if (performedAt > latest)
        {
            errors.Add("performedAt", ErrorCollector.Format(
                $"must not be more than 1 day after now ({now.UtcDateTime:O}), was {performedAt.UtcDateTime:O}"));
        }
    }

    private static void CheckExercise(ErrorCollector errors, ExerciseEntry? exercise, string path)
    {
        if (!errors.Present(path, exercise))
        {
            return;
        }

        errors.Id($"{path}.exerciseId", exercise.ExerciseId);

        var setsPath = $"{path}.sets";
        if (!errors.Present(setsPath, exercise.Sets))
        {
            return;
        }

        errors.Count(setsPath, exercise.Sets.Count, MinSets, MaxSets);
        for (var i = 0; i < exercise.Sets.Count; i++)
        {
            CheckSet(errors, exercise.Sets[i], $"{setsPath}[{i}]");
        }
    }

    private static void CheckSet(ErrorCollector errors, SetEntry? set, string path)
    {
        if (!errors.Present(path, set))
        {
            return;
        }

        errors.Range($"{path}.reps", set.Reps, MinReps, MaxReps);
        errors.Range($"{path}.weight", set.Weight, MinWeight, MaxWeight);
        if (set.Rpe is { } rpe)
        {
            errors.Range($"{path}.rpe", rpe, MinRpe, MaxRpe);
        }
    }
}
