using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Handlers;

/// <summary>The users a chunk changed, each with the messages that changed them: one recompute request per user, however many messages.</summary>
internal sealed class RecomputeRequests
{
    private readonly Dictionary<string, List<SqsMessage>> _messagesByUser = new(StringComparer.Ordinal);

    public int Count => _messagesByUser.Count;

    public void Add(string userId, SqsMessage message)
    {
        if (!_messagesByUser.TryGetValue(userId, out var messages))
        {
            _messagesByUser[userId] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Sends the requests in batches; a user whose request could not be sent fails its messages, so their redelivery sends it again.</summary>
    public async Task SendAsync(IMessageQueue queue, TimeProvider timeProvider, ChunkCompletion completion, CancellationToken cancellationToken)
    {
        if (_messagesByUser.Count == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var users = new List<string>(_messagesByUser.Keys);
        var requests = new OutgoingMessage[users.Count];
        for (var i = 0; i < users.Count; i++)
        {
            requests[i] = ToMessage(users[i], _messagesByUser[users[i]][0], now);
        }

        var outcomes = await queue.SendAllAsync(requests, cancellationToken);
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Succeeded)
            {
                continue;
            }

            var error = new InvalidOperationException($"recompute request could not be sent: {outcomes[i].Error}");
            foreach (var message in _messagesByUser[users[i]])
            {
                completion.Fail(message, error);
            }
        }
    }

    private static OutgoingMessage ToMessage(string userId, SqsMessage cause, DateTimeOffset now)
    {
        var request = EventWriter.AnalyticsRecompute(
            new AnalyticsRecomputeRequested { UserId = userId, Reason = "workouts-changed" },
            WritesHandler.EventSourceName,
            Guid.NewGuid().ToString(),
            now);
        var correlationId = cause.GetStringAttribute(MessageAttributeNames.CorrelationId);
        return new OutgoingMessage
        {
            Body = EventWriter.Serialize(request),
            Attributes = correlationId is null ? null : new Dictionary<string, string> { [MessageAttributeNames.CorrelationId] = correlationId },
        };
    }
}
