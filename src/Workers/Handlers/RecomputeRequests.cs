using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Handlers;

/// <summary>The users a chunk changed, each with the workouts and the messages that changed them: one recompute request per user, however many messages.</summary>
internal sealed class RecomputeRequests
{
    private readonly Dictionary<string, UserRequest> _byUser = new(StringComparer.Ordinal);

    public int Count => _byUser.Count;

    /// <summary>A stored (or repeated) workout: its fold is asked for.</summary>
    public void AddWorkout(string userId, string workoutId, SqsMessage message)
    {
        var request = For(userId);
        request.WorkoutIds.Add(workoutId);
        request.Messages.Add(message);
    }

    /// <summary>A producer's recompute request that came to the writes queue: passed on with its reason and workouts.</summary>
    public void Forward(AnalyticsRecomputeRequested forwarded, SqsMessage message)
    {
        var request = For(forwarded.UserId);
        request.Rebuild |= forwarded.Reason == RecomputeReasons.Rebuild;
        foreach (var workoutId in forwarded.WorkoutIds ?? [])
        {
            request.WorkoutIds.Add(workoutId);
        }

        request.Messages.Add(message);
    }

    /// <summary>Sends the requests in batches; a user whose request could not be sent fails its messages, so their redelivery sends it again.</summary>
    public async Task SendAsync(IMessageQueue queue, TimeProvider timeProvider, ChunkCompletion completion, CancellationToken cancellationToken)
    {
        if (_byUser.Count == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var senders = new List<UserRequest>(_byUser.Count);
        var messages = new List<OutgoingMessage>(_byUser.Count);
        foreach (var (userId, request) in _byUser)
        {
            // A user with more workouts than one request may name gets several requests; all must be sent.
            foreach (var workoutIds in request.WorkoutIds.Count == 0 ? [[]] : request.WorkoutIds.Chunk(AnalyticsRecomputeRequested.MaxWorkoutIds))
            {
                senders.Add(request);
                messages.Add(ToMessage(userId, request, workoutIds, now));
            }
        }

        var outcomes = await queue.SendAllAsync(messages, cancellationToken);
        var failed = new HashSet<UserRequest>();
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

    private UserRequest For(string userId)
    {
        if (!_byUser.TryGetValue(userId, out var request))
        {
            _byUser[userId] = request = new UserRequest();
        }

        return request;
    }

    private static OutgoingMessage ToMessage(string userId, UserRequest request, string[] workoutIds, DateTimeOffset now)
    {
        var recompute = EventWriter.AnalyticsRecompute(
            new AnalyticsRecomputeRequested
            {
                UserId = userId,
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

    private sealed class UserRequest
    {
        public HashSet<string> WorkoutIds { get; } = new(StringComparer.Ordinal);

        public List<SqsMessage> Messages { get; } = [];

        public bool Rebuild { get; set; }
    }
}
