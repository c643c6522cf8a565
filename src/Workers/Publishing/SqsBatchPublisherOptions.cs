using System.Globalization;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Publishing;

/// <summary>Settings of a <see cref="SqsBatchPublisher"/>.</summary>
public sealed class SqsBatchPublisherOptions
{
    /// <summary>How long a batch that is not full waits for more messages before it is sent. Default 5 ms; 0 to 10 s.</summary>
    /// <remarks>Short enough to add nothing a producer notices, long enough to fill batches under load: at 2,000 messages/s batches hold about 10.</remarks>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Messages accepted but not yet taken into a batch; when full, <see cref="SqsBatchPublisher.PublishAsync"/> waits for room. Default 1,000; 1 to 1,000,000.</summary>
    public int MaxBufferedMessages { get; set; } = 1_000;

    /// <summary>SendMessageBatch calls in flight at once (always 1 on a FIFO queue, to keep each group's order). Default 8; 1 to 256.</summary>
    public int MaxConcurrentBatches { get; set; } = 8;

    /// <summary>Sends of one message before its task fails, counting the first. Default 4; 1 to 20.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The backoff before the first resend; it doubles per attempt up to <see cref="MaxBackoff"/>, with jitter. Default 50 ms; above 0.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest backoff between resends. Default 2 s; at least <see cref="InitialBackoff"/>, at most 5 min.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest message, and the largest batch, in bytes as SQS counts them. Default 1 MiB; 1 KiB to 1 MiB (256 KiB on older accounts).</summary>
    public int MaxMessageBytes { get; set; } = OutgoingMessageSize.MaxBytes;

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="ArgumentException">One or more settings are invalid; the message lists each of them.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        Check(errors, Linger >= TimeSpan.Zero && Linger <= TimeSpan.FromSeconds(10), $"Linger must be between 0 and 10 seconds (was {Linger}).");
        Check(errors, MaxBufferedMessages is >= 1 and <= 1_000_000, $"MaxBufferedMessages must be between 1 and 1,000,000 (was {MaxBufferedMessages}).");
        Check(errors, MaxConcurrentBatches is >= 1 and <= 256, $"MaxConcurrentBatches must be between 1 and 256 (was {MaxConcurrentBatches}).");
        Check(errors, MaxAttempts is >= 1 and <= 20, $"MaxAttempts must be between 1 and 20 (was {MaxAttempts}).");
        Check(errors, InitialBackoff > TimeSpan.Zero, $"InitialBackoff must be positive (was {InitialBackoff}).");
        Check(errors, MaxBackoff >= InitialBackoff && MaxBackoff <= TimeSpan.FromMinutes(5), $"MaxBackoff must be between InitialBackoff and 5 minutes (was {MaxBackoff}).");
        Check(errors, MaxMessageBytes is >= 1024 and <= OutgoingMessageSize.MaxBytes, $"MaxMessageBytes must be between 1,024 and {OutgoingMessageSize.MaxBytes} (was {MaxMessageBytes}).");
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SqsBatchPublisherOptions: " + string.Join(" ", errors));
        }
    }

    internal SqsBatchPublisherOptions Copy() => (SqsBatchPublisherOptions)MemberwiseClone();

    private static void Check(List<string> errors, bool valid, FormattableString error)
    {
        if (!valid)
        {
            errors.Add(error.ToString(CultureInfo.InvariantCulture));
        }
    }
}
