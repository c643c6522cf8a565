using System.Collections.ObjectModel;
using System.Globalization;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Queueing;

namespace GymCoach.Embedded.Queueing;

/// <summary>Turns sent messages that pass <see cref="OutgoingMessageRules"/> into the immutable <see cref="SentContent"/> the queue keeps.</summary>
internal static class SentContents
{
    /// <summary>Validates a batch: fills <paramref name="outcomes"/> for invalid entries and returns the content of the valid ones.</summary>
    /// <remarks>As in SQS, the batch limit counts every entry, valid or not: a single entry over 1 MiB fails the whole request.</remarks>
    /// <exception cref="ArgumentException">The entries exceed 1 MiB together (SQS's BatchRequestTooLong).</exception>
    public static SentContent?[] Prepare(IReadOnlyList<OutgoingMessage> messages, EmbeddedQueueOptions options, SendOutcome?[] outcomes)
    {
        long totalBytes = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            totalBytes += messages[i] is { } message ? OutgoingMessageSize.Of(message) : 0;
        }

        if (totalBytes > OutgoingMessageRules.MaxMessageBytes)
        {
            throw new ArgumentException(
                Format($"BatchRequestTooLong: The batch is {totalBytes} bytes; the limit is {OutgoingMessageRules.MaxMessageBytes} bytes."), nameof(messages));
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (OutgoingMessageRules.Validate(messages[i], options.IsFifo, options.ContentBasedDeduplication, out _) is { } error)
            {
                outcomes[i] = new SendOutcome(null, error, SenderFault: true);
            }
        }

        var contents = new SentContent?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            contents[i] = outcomes[i] is null ? ToContent(messages[i], options) : null;
        }

        return contents;
    }

    /// <summary>The immutable content of a validated message, with a new message id and its checksums.</summary>
    public static SentContent ToContent(OutgoingMessage message, EmbeddedQueueOptions options)
    {
        IReadOnlyDictionary<string, SqsMessageAttribute> attributes = ReadOnlyDictionary<string, SqsMessageAttribute>.Empty;
        if (message.Attributes is { Count: > 0 } source)
        {
            var copy = new Dictionary<string, SqsMessageAttribute>(source.Count, StringComparer.Ordinal);
            foreach (var (name, value) in source)
            {
                copy[name] = SqsMessageAttribute.FromString(value);
            }

            attributes = new ReadOnlyDictionary<string, SqsMessageAttribute>(copy);
        }

        string? groupId = null;
        string? deduplicationId = null;
        if (options.IsFifo)
        {
            groupId = message.MessageGroupId;
            deduplicationId = string.IsNullOrEmpty(message.DeduplicationId)
                ? SqsChecksums.ContentDeduplicationId(message.Body)
                : message.DeduplicationId;
        }

        return new SentContent(
            Guid.NewGuid().ToString(),
            message.Body,
            SqsChecksums.Md5Hex(message.Body),
            attributes,
            SqsChecksums.Md5OfAttributes(attributes),
            groupId,
            deduplicationId);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
