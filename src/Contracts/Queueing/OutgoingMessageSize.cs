using System.Text;

namespace GymCoach.Contracts.Queueing;

/// <summary>How SQS measures a message against its size limits, shared by every queue and by the publisher.</summary>
/// <remarks>
/// A message's size is its UTF-8 body plus, per attribute, the UTF-8 name, the data type (<c>String</c>) and the UTF-8
/// value. SendMessageBatch limits each message and the sum of all entries of one request to <see cref="MaxBytes"/>.
/// </remarks>
public static class OutgoingMessageSize
{
    /// <summary>The largest message, and the largest SendMessageBatch payload, SQS accepts: 1 MiB (older accounts 256 KiB).</summary>
    public const int MaxBytes = 1_048_576;

    private const int StringDataTypeBytes = 6; // "String"

    /// <summary>The size SQS counts for <paramref name="message"/>, in bytes.</summary>
    public static int Of(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.Body is null ? 0 : Encoding.UTF8.GetByteCount(message.Body);
        if (message.Attributes is { } attributes)
        {
            foreach (var (name, value) in attributes)
            {
                size += Encoding.UTF8.GetByteCount(name ?? string.Empty) + StringDataTypeBytes + Encoding.UTF8.GetByteCount(value ?? string.Empty);
            }
        }

        return size;
    }
}
