using System.Buffers;
using System.Globalization;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Queueing;

/// <summary>The SQS limits on one outgoing message, checked alike by the embedded queue and, before a request is made, by the SQS adapter.</summary>
public static class OutgoingMessageRules
{
    /// <summary>The largest message SQS accepts: body plus attribute names, types and values (1 MiB; older accounts 256 KiB).</summary>
    public const int MaxMessageBytes = OutgoingMessageSize.MaxBytes;

    public const int MaxAttributes = 10;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    // Characters outside SQS's allowed set (#x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | surrogate pairs).
    private static readonly SearchValues<char> ForbiddenCharacters = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

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

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
