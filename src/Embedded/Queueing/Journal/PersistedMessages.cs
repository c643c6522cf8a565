using System.Collections.ObjectModel;
using GymCoach.Contracts.Lambda;

namespace GymCoach.Embedded.Queueing.Journal;

/// <summary>Converts between a queued message and what a journal keeps of it.</summary>
internal static class PersistedMessages
{
    public static PersistedMessage From(QueuedMessage message, long delayTicks)
    {
        var content = message.Content;
        Dictionary<string, string>? attributes = null;
        foreach (var (name, attribute) in content.Attributes)
        {
            if (attribute.StringValue is { } value)
            {
                (attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value;
            }
        }

        return new PersistedMessage
        {
            MessageId = content.MessageId,
            Body = content.Body,
            Attributes = attributes,
            GroupId = content.GroupId,
            DeduplicationId = content.DeduplicationId,
            SequenceNumber = message.SequenceNumber,
            SentAtMs = message.SentAtMs,
            VisibleAfterMs = delayTicks > 0 ? message.SentAtMs + (long)TimeSpan.FromTicks(delayTicks).TotalMilliseconds : 0,
            ReceiveCount = message.ReceiveCount,
            FirstReceiveMs = message.FirstReceiveMs,
            DeadLetterSourceArn = message.DeadLetterSourceArn,
        };
    }

    /// <summary>The message as it was sent, with its checksums computed again (they depend only on the content).</summary>
    public static QueuedMessage ToQueued(PersistedMessage persisted, EmbeddedQueueOptions options)
    {
        IReadOnlyDictionary<string, SqsMessageAttribute> attributes = ReadOnlyDictionary<string, SqsMessageAttribute>.Empty;
        if (persisted.Attributes is { Count: > 0 } source)
        {
            attributes = source.ToDictionary(pair => pair.Key, pair => SqsMessageAttribute.FromString(pair.Value), StringComparer.Ordinal).AsReadOnly();
        }

        var content = new SentContent(
            persisted.MessageId,
            persisted.Body,
            SqsChecksums.Md5Hex(persisted.Body),
            attributes,
            SqsChecksums.Md5OfAttributes(attributes),
            options.IsFifo ? persisted.GroupId : null,
            options.IsFifo ? persisted.DeduplicationId : null);
        return new QueuedMessage(content, persisted.SentAtMs)
        {
            SequenceNumber = persisted.SequenceNumber,
            DeadLetterSourceArn = persisted.DeadLetterSourceArn,
            ReceiveCount = persisted.ReceiveCount,
            FirstReceiveMs = persisted.FirstReceiveMs,
        };
    }
}
