using System.Buffers;
using System.Collections.ObjectModel;
using System.Globalization;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Queueing;

/// <summary>The SQS limits on one outgoing message, and turning a valid one into <see cref="SentContent"/>.</summary>
internal static class OutgoingMessageRules
{
    /// <summary>The largest message SQS accepts: body plus attribute names, types and values (1 MiB; older accounts 256 KiB).</summary>
    public const int MaxMessageBytes = OutgoingMessageSize.MaxBytes;

    public const int MaxAttributes = 10;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    // Characters outside SQS's allowed set (#x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | surrogate pairs).
    private static readonly SearchValues<char> ForbiddenCharacters = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

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

        if (totalBytes > MaxMessageBytes)
        {
            throw new ArgumentException(
                Format($"BatchRequestTooLong: The batch is {totalBytes} bytes; the limit is {MaxMessageBytes} bytes."), nameof(messages));
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (Validate(messages[i], options, out _) is { } error)
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

    /// <summary>Checks one entry; returns the SQS-style error, or null with the message's size when it may be sent.</summary>
    public static string? Validate(OutgoingMessage? message, EmbeddedQueueOptions options, out int sizeInBytes) =>
        Validate(message, options.IsFifo, options.ContentBasedDeduplication, out sizeInBytes);

    /// <summary>Checks one entry for a queue of the given kind; a null <paramref name="contentBasedDeduplication"/> (unknown) leaves the deduplication check to the queue.</summary>
    public static string? Validate(OutgoingMessage? message, bool isFifo, bool? contentBasedDeduplication, out int sizeInBytes)
    {
        sizeInBytes = 0;
        if (message is null)
        {
            return "InvalidParameterValue: The batch entry is null.";
        }

        if (string.IsNullOrEmpty(message.Body))
        {
            return "InvalidParameterValue: The message body must not be empty.";
        }

        if (message.Body.AsSpan().ContainsAny(ForbiddenCharacters))
        {
            return "InvalidMessageContents: The message body contains characters outside the allowed set.";
        }

        if (message.Delay < TimeSpan.Zero || message.Delay > MaxDelay)
        {
            return Format($"InvalidParameterValue: Delay must be between 0 and 15 minutes (was {message.Delay}).");
        }

        if (isFifo)
        {
            if (message.Delay != TimeSpan.Zero)
            {
                return "InvalidParameterValue: A per-message delay is not valid on a FIFO queue.";
            }

            if (string.IsNullOrEmpty(message.MessageGroupId))
            {
                return "MissingParameter: The request must contain the parameter MessageGroupId.";
            }

            if (string.IsNullOrEmpty(message.DeduplicationId) && contentBasedDeduplication == false)
            {
                return "InvalidParameterValue: The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly.";
            }
        }

        if (message.Attributes is { } attributes)
        {
            if (attributes.Count > MaxAttributes)
            {
                return Format($"InvalidParameterValue: A message can have at most {MaxAttributes} attributes (had {attributes.Count}).");
            }

            foreach (var (name, value) in attributes)
            {
                if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(value))
                {
                    return "InvalidParameterValue: Message attribute names and values must not be empty.";
                }
            }
        }

        sizeInBytes = OutgoingMessageSize.Of(message);

        return sizeInBytes > MaxMessageBytes
            ? Format($"InvalidParameterValue: The message is {sizeInBytes} bytes; the limit is {MaxMessageBytes} bytes (1 MiB).")
            : null;
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
