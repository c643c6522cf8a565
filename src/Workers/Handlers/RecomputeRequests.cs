using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Publishing;

namespace GymCoach.Workers.Handlers;

/// <summary>The users a chunk changed, each with the workouts and the messages that changed them: one recompute request per user, however many messages.</summary>
internal sealed class RecomputeRequests
{
    private readonly Dictionary<string, UserRecompute> _byUser = new(StringComparer.Ordinal);

    /// <summary>A stored (or repeated) workout: its fold is asked for.</summary>
    public void AddWorkout(string userId, string workoutId, SqsMessage message) =>
        UserRecompute.For(_byUser, userId).AddWorkout(workoutId, message);

    /// <summary>A producer's recompute request that came to the writes queue: passed on with its reason and workouts.</summary>
    public void Forward(AnalyticsRecomputeRequested forwarded, SqsMessage message) =>
        UserRecompute.For(_byUser, forwarded.UserId).Add(forwarded, message);

    /// <summary>Sends the requests in batches; a user whose request could not be sent fails its messages, so their redelivery sends it again.</summary>
    public async Task SendAsync(IMessageQueue queue, TimeProvider timeProvider, ChunkCompletion completion, CancellationToken cancellationToken)
    {
        if (_byUser.Count == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var senders = new List<UserRecompute>(_byUser.Count);
        var messages = new List<OutgoingMessage>(_byUser.Count);
        foreach (var request in _byUser.Values)
        {
            // A user with more workouts than one request may name gets several requests; all must be sent.
            foreach (var workoutIds in request.WorkoutIds.Count == 0 ? [[]] : request.WorkoutIds.Chunk(AnalyticsRecomputeRequested.MaxWorkoutIds))
            {
                senders.Add(request);
                messages.Add(ToMessage(request, workoutIds, now));
            }
        }

        var outcomes = await RetryingBatchSend.SendAsync(queue, messages, cancellationToken: cancellationToken);
        var failed = new HashSet<UserRecompute>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (!outcomes[i].Succeeded && failed.Add(senders[i]))
            {
                var error = new InvalidOperationException($"recompute request could not be sent: {outcomes[i].Error}");
                foreach (var message in senders[i].Messages)
                {
                    completion.Fail(message, error);
                }
            }
        }
    }

    private static OutgoingMessage ToMessage(UserRecompute request, string[] workoutIds, DateTimeOffset now)
    {
        var recompute = EventWriter.AnalyticsRecompute(
            new AnalyticsRecomputeRequested
            {
                UserId = request.UserId,
                Reason = request.Rebuild ? RecomputeReasons.Rebuild : RecomputeReasons.WorkoutsChanged,
                WorkoutIds = workoutIds.Length == 0 ? null : workoutIds,
            },
            WritesHandler.EventSourceName,
            Guid.NewGuid().ToString(),
            now);
        var correlationId = request.Messages[0].GetStringAttribute(MessageAttributeNames.CorrelationId);
        return new OutgoingMessage
        {
            Body = EventWriter.Serialize(recompute),
            Attributes = correlationId is null ? null : new Dictionary<string, string> { [MessageAttributeNames.CorrelationId] = correlationId },
        };
    }
}
