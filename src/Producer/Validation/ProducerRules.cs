using GymCoach.Contracts.Events;
using GymCoach.Contracts.Validation;

namespace GymCoach.Producer.Validation;

/// <summary>The workers' and the API's own rules (<see cref="EventValidator"/>), applied before anything is sent.</summary>
internal static class ProducerRules
{
    public static void Workout(WorkoutLogged workout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workout);
        ThrowIfAny(EventValidator.ValidateWorkout(workout, now));
    }

    public static void Workouts(IReadOnlyList<WorkoutLogged> workouts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workouts);
        ThrowIfAny(EventValidator.ValidateWorkoutBatch(workouts, now, GymCoachProducer.MaxBatchWorkouts));
    }

    public static void Profile(ProfileUpdated profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ThrowIfAny(EventValidator.ValidateProfile(profile));
    }

    public static void Recompute(AnalyticsRecomputeRequested request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfAny(EventValidator.ValidateRecompute(request));
    }

    /// <summary>The envelope rules the workers' event reader applies on top of the data's.</summary>
    public static void Envelope<TData>(CloudEvent<TData> cloudEvent) => ThrowIfAny(EventValidator.ValidateEnvelope(cloudEvent));

    private static void ThrowIfAny(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ProducerValidationException(errors);
        }
    }
}
