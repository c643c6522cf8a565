using GymCoach.Contracts.Events;
using GymCoach.Contracts.Queueing;
using GymCoach.Producer.Validation;
using GymCoach.Workers.Publishing;

namespace GymCoach.Producer.Sqs;

/// <summary>Validates, wraps each event in its CloudEvents envelope as the ingest API does, and publishes it through the auto-batching publishers.</summary>
/// <remarks>Concurrent calls share SendMessageBatch calls; each call completes when every one of its messages has a message id.</remarks>
internal sealed class SqsProducer(
    SqsBatchPublisher writes,
    SqsBatchPublisher analytics,
    string source,
    int maxMessageBytes,
    TimeProvider timeProvider,
    IDisposable? ownedClient = null) : IGymCoachProducer
{
    public async Task<string> LogWorkoutAsync(WorkoutLogged workout, SendOptions? options = null, CancellationToken cancellationToken = default)
    {
        var stamp = Stamp();
        ProducerRules.Workout(workout, stamp.Time);
        var id = stamp.NewId();
        var cloudEvent = EventWriter.WorkoutLogged(workout, stamp.Source, id, stamp.Time);
        ProducerRules.Envelope(cloudEvent);
        await PublishAsync(writes, [EventWriter.Serialize(cloudEvent)], isBatch: false, options, cancellationToken);
        return id;
    }

    public async Task<IReadOnlyList<string>> LogWorkoutsAsync(
        IReadOnlyList<WorkoutLogged> workouts, SendOptions? options = null, CancellationToken cancellationToken = default)
    {
        var stamp = Stamp();
        ProducerRules.Workouts(workouts, stamp.Time);
        var ids = new string[workouts.Count];
        var bodies = new string[workouts.Count];
        for (var i = 0; i < workouts.Count; i++)
        {
            ids[i] = stamp.NewId();
            var cloudEvent = EventWriter.WorkoutLogged(workouts[i], stamp.Source, ids[i], stamp.Time);
            ProducerRules.Envelope(cloudEvent);
            bodies[i] = EventWriter.Serialize(cloudEvent);
        }

        await PublishAsync(writes, bodies, isBatch: true, options, cancellationToken);
        return ids;
    }

    public async Task<string> UpdateProfileAsync(ProfileUpdated profile, SendOptions? options = null, CancellationToken cancellationToken = default)
    {
        var stamp = Stamp();
        ProducerRules.Profile(profile);
        var id = stamp.NewId();
        var cloudEvent = EventWriter.ProfileUpdated(profile, stamp.Source, id, stamp.Time);
        ProducerRules.Envelope(cloudEvent);
        await PublishAsync(writes, [EventWriter.Serialize(cloudEvent)], isBatch: false, options, cancellationToken);
        return id;
    }

    public async Task<string> RequestRecomputeAsync(
        AnalyticsRecomputeRequested request, SendOptions? options = null, CancellationToken cancellationToken = default)
    {
        var stamp = Stamp();
        ProducerRules.Recompute(request);
        var id = stamp.NewId();
        var cloudEvent = EventWriter.AnalyticsRecompute(request, stamp.Source, id, stamp.Time);
        ProducerRules.Envelope(cloudEvent);
        await PublishAsync(analytics, [EventWriter.Serialize(cloudEvent)], isBatch: false, options, cancellationToken);
        return id;
    }

    /// <summary>Sends everything still buffered and waits for it: the producer owns its two publishers.</summary>
    public async ValueTask DisposeAsync()
    {
        await writes.DisposeAsync();
        await analytics.DisposeAsync();

        // After the publishers, which flush through it.
        ownedClient?.Dispose();
    }

    private EventStamp Stamp() => new(source, timeProvider.GetUtcNow());

    private async Task PublishAsync(
        SqsBatchPublisher publisher, IReadOnlyList<string> bodies, bool isBatch, SendOptions? options, CancellationToken cancellationToken)
    {
        var correlationId = options?.CorrelationId is { } given && CorrelationIds.IsValid(given) ? given : CorrelationIds.New();
        var messages = EventMessages.Create(bodies, correlationId);
        MessageSizes.ThrowIfTooLarge(messages, maxMessageBytes, isBatch);

        var sends = new Task<string>[messages.Length];
        for (var i = 0; i < sends.Length; i++)
        {
            sends[i] = publisher.PublishAsync(messages[i], cancellationToken);
        }

        try
        {
            await Task.WhenAll(sends);
        }
        catch (PublishFailedException)
        {
            var failed = sends.Where(send => !send.IsCompletedSuccessfully).ToList();
            throw new ProducerSendException(publisher.Queue.Name, failed.Count, sends.Length, failed[0].Exception?.InnerException);
        }
    }
}
