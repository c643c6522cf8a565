namespace GymCoach.Contracts.Queueing;

/// <summary>Turns serialized CloudEvents into queue messages the way every GymCoach producer sends them.</summary>
public static class EventMessages
{
    /// <summary>One message per body, each carrying <paramref name="correlationId"/> as its <see cref="MessageAttributeNames.CorrelationId"/> attribute.</summary>
    public static OutgoingMessage[] Create(IReadOnlyList<string> bodies, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentException.ThrowIfNullOrWhiteSpace(correlationId);

        // One attribute dictionary for all of them: messages only read it.
        var attributes = new Dictionary<string, string>(1, StringComparer.Ordinal) { [MessageAttributeNames.CorrelationId] = correlationId };
        var messages = new OutgoingMessage[bodies.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = new OutgoingMessage { Body = bodies[i], Attributes = attributes };
        }

        return messages;
    }
}
