using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Batching;

/// <summary>Turns a poison message into the message the dead-letter queue receives.</summary>
internal static class DeadLetterMessages
{
    /// <summary>Long enough for any useful exception message; keeps the reason far below the attribute size limits.</summary>
    public const int MaxReasonLength = 1024;

    /// <summary>SQS refuses a message with more than 10 message attributes.</summary>
    public const int MaxAttributes = 10;

    /// <summary>The original body and string attributes, plus the failure reason and source queue.</summary>
    /// <remarks>
    /// The reason, source queue and correlation id win when the original attributes would pass SQS's limit of 10.
    /// Binary attributes cannot travel in an <see cref="OutgoingMessage"/> and are dropped. On FIFO the group is kept
    /// and the SQS message id, stable across redeliveries, deduplicates repeated dead-lettering.
    /// </remarks>
    public static OutgoingMessage Create(SqsMessage message, Exception error)
    {
        var original = message.MessageAttributes;
        var attributes = new Dictionary<string, string>(Math.Min(MaxAttributes, 2 + (original?.Count ?? 0)), StringComparer.Ordinal)
        {
            [MessageAttributeNames.FailureReason] = Reason(error),
        };
        var sourceQueue = QueueNameOf(message.EventSourceArn);
        if (sourceQueue is not null)
        {
            attributes[MessageAttributeNames.SourceQueue] = sourceQueue;
        }

        if (original is not null)
        {
            var correlationId = message.GetStringAttribute(MessageAttributeNames.CorrelationId);
            if (correlationId is not null)
            {
                attributes[MessageAttributeNames.CorrelationId] = correlationId;
            }

            foreach (var (name, attribute) in original)
            {
                if (attributes.Count >= MaxAttributes)
                {
                    break;
                }

                if (attribute?.StringValue is { } value)
                {
                    attributes.TryAdd(name, value);
                }
            }
        }

        var groupId = message.MessageGroupId;
        return new OutgoingMessage
        {
            Body = message.Body,
            Attributes = attributes,
            MessageGroupId = groupId,
            DeduplicationId = groupId is null ? null : message.MessageId,
        };
    }

    /// <summary>The queue name: the last segment of an ARN such as <c>arn:aws:sqs:eu-west-1:123456789012:workouts</c>.</summary>
    public static string? QueueNameOf(string? arn)
    {
        if (string.IsNullOrEmpty(arn))
        {
            return null;
        }

        var name = arn[(arn.LastIndexOf(':') + 1)..];
        return name.Length == 0 ? null : name;
    }

    public static string Reason(Exception error)
    {
        var reason = string.IsNullOrWhiteSpace(error.Message) ? error.GetType().Name : error.Message;
        if (reason.Length <= MaxReasonLength)
        {
            return reason;
        }

        // Never cut a surrogate pair in half: SQS rejects invalid UTF-16 in attribute values.
        var length = char.IsHighSurrogate(reason[MaxReasonLength - 1]) ? MaxReasonLength - 1 : MaxReasonLength;
        return reason[..length];
    }
}
