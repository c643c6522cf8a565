using GymCoach.Contracts.Events;
using static GymCoach.Contracts.Validation.ValidationLimits;

namespace GymCoach.Contracts.Validation;

/// <summary>Checks events against GymCoach's rules and reports every broken rule, not just the first.</summary>
/// <remarks>
/// Field paths are the camelCase JSON names relative to the checked object, for example
/// <c>exercises[2].sets[0].reps</c>. Nulls that JSON carries into non-nullable members are reported as errors,
/// never thrown. An empty list means the object is valid.
/// </remarks>
public static class EventValidator
{
    /// <summary>Checks the CloudEvents attributes: specversion <c>1.0</c>, an id and a source, a known type, and data present.</summary>
    public static IReadOnlyList<ValidationError> ValidateEnvelope<TData>(CloudEvent<TData> cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var errors = new ErrorCollector();
        EnvelopeRules.Check(errors, cloudEvent);
        return errors.ToList();
    }

    /// <summary>Checks one id (a user, workout or exercise id) as every event does, for readers that take ids from elsewhere (a URL).</summary>
    /// <param name="field">The name the errors give the id.</param>
    public static IReadOnlyList<ValidationError> ValidateId(string field, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        var errors = new ErrorCollector();
        errors.Id(field, value);
        return errors.ToList();
    }

    /// <summary>Checks a logged workout.</summary>
    /// <param name="now">The current time; <c>performedAt</c> may be at most one day after it.</param>
    public static IReadOnlyList<ValidationError> ValidateWorkout(WorkoutLogged workout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workout);
        var errors = new ErrorCollector();
        WorkoutRules.Check(errors, workout, now);
        return errors.ToList();
    }

    /// <summary>Checks workouts sent together (<c>POST /v1/workouts:batch</c>): 1 to <paramref name="maxWorkouts"/> of them, each valid.</summary>
    /// <remarks>Each workout's errors are named under its index, for example <c>workouts[3].exercises[0].sets[1].reps</c>.</remarks>
    /// <param name="now">The current time; each <c>performedAt</c> may be at most one day after it.</param>
    public static IReadOnlyList<ValidationError> ValidateWorkoutBatch(IReadOnlyList<WorkoutLogged?>? workouts, DateTimeOffset now, int maxWorkouts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorkouts, 1);
        var errors = new ErrorCollector();
        WorkoutBatchRules.Check(errors, workouts, now, maxWorkouts);
        return errors.ToList();
    }

    /// <summary>Checks a profile update.</summary>
    public static IReadOnlyList<ValidationError> ValidateProfile(ProfileUpdated profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = new ErrorCollector();
        ProfileRules.Check(errors, profile);
        return errors.ToList();
    }

    /// <summary>Checks an analytics recompute request.</summary>
    public static IReadOnlyList<ValidationError> ValidateRecompute(AnalyticsRecomputeRequested request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ErrorCollector();
        errors.Id("userId", request.UserId);
        errors.Text("reason", request.Reason, MaxReasonLength);
        if (request.WorkoutIds is { } workoutIds)
        {
            errors.Count("workoutIds", workoutIds.Count, 0, MaxRecomputeWorkoutIds);
            for (var i = 0; i < workoutIds.Count; i++)
            {
                errors.Id(ErrorCollector.Format($"workoutIds[{i}]"), workoutIds[i]);
            }
        }

        return errors.ToList();
    }
}
