using GymCoach.Contracts.Events;

namespace GymCoach.Contracts.Validation;

/// <summary>The rules of a batch of workouts sent together: a count, and every workout's fields under <c>workouts[i]</c>.</summary>
internal static class WorkoutBatchRules
{
    public static void Check(ErrorCollector errors, IReadOnlyList<WorkoutLogged?>? workouts, DateTimeOffset now, int maxWorkouts)
    {
        if (!errors.Present("workouts", workouts))
        {
            return;
        }

        errors.Count("workouts", workouts.Count, 1, maxWorkouts);
        for (var i = 0; i < workouts.Count; i++)
        {
            var prefix = ErrorCollector.Format($"workouts[{i}]");
            if (!errors.Present(prefix, workouts[i]))
            {
                continue;
            }

            foreach (var error in EventValidator.ValidateWorkout(workouts[i]!, now))
            {
                errors.Add(prefix + "." + error.Field, error.Message);
            }
        }
    }
}
