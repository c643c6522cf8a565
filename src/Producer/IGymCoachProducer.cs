using GymCoach.Contracts.Events;

namespace GymCoach.Producer;

/// <summary>Sends GymCoach writes and recompute requests, checked with the workers' own rules before anything leaves the process.</summary>
/// <remarks>
/// Two implementations stand behind this interface, chosen by <see cref="GymCoachProducerOptions.Transport"/>: straight to
/// the SQS queues through the auto-batching publisher (services with IAM access), or through the ingest HTTP API with an
/// API key (apps). Either way a call completes only when the event is in its queue, and returns the CloudEvent id.
/// Invalid data throws <see cref="ProducerValidationException"/> naming every invalid field, and nothing is sent.
/// Instances are thread-safe; dispose them to send what is still buffered.
/// </remarks>
public interface IGymCoachProducer : IAsyncDisposable
{
    /// <summary>Logs one finished workout (<c>gymcoach.workout.logged.v1</c>, writes queue).</summary>
    /// <returns>The CloudEvent id of the queued event.</returns>
    /// <exception cref="ProducerValidationException">The workout breaks a rule; nothing was sent.</exception>
    /// <exception cref="GymCoachProducerException">The event could not be queued (see the derived types).</exception>
    Task<string> LogWorkoutAsync(WorkoutLogged workout, SendOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Logs up to <see cref="GymCoachProducer.MaxBatchWorkouts"/> workouts together; one invalid workout rejects all of them.</summary>
    /// <returns>The CloudEvent ids, in the order of <paramref name="workouts"/>.</returns>
    /// <exception cref="ProducerValidationException">A workout breaks a rule (fields named <c>workouts[i].…</c>); nothing was sent.</exception>
    /// <exception cref="GymCoachProducerException">Some or all of the events could not be queued.</exception>
    Task<IReadOnlyList<string>> LogWorkoutsAsync(IReadOnlyList<WorkoutLogged> workouts, SendOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces a user's profile (<c>gymcoach.profile.updated.v1</c>, writes queue; the latest event time wins).</summary>
    /// <returns>The CloudEvent id of the queued event.</returns>
    /// <exception cref="ProducerValidationException">The profile breaks a rule; nothing was sent.</exception>
    /// <exception cref="GymCoachProducerException">The event could not be queued.</exception>
    Task<string> UpdateProfileAsync(ProfileUpdated profile, SendOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Asks for a user's analytics to be recomputed (<c>gymcoach.analytics.recompute.v1</c>, analytics queue).</summary>
    /// <returns>The CloudEvent id of the queued event.</returns>
    /// <exception cref="ProducerValidationException">The request breaks a rule; nothing was sent.</exception>
    /// <exception cref="GymCoachProducerException">The event could not be queued.</exception>
    Task<string> RequestRecomputeAsync(AnalyticsRecomputeRequested request, SendOptions? options = null, CancellationToken cancellationToken = default);
}
