using System.Buffers;
using System.Globalization;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Queueing;

namespace GymCoach.Embedded.Queueing;

/// <summary>Settings of one <see cref="EmbeddedQueue"/>, named after the SQS queue attributes they mirror.</summary>
public sealed class EmbeddedQueueOptions
{
    private static readonly SearchValues<char> QueueNameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    /// <summary>The queue name: 1–80 letters, digits, <c>-</c> or <c>_</c>; a name ending in <c>.fifo</c> makes a FIFO queue. Required.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>How long a received message stays hidden before it is delivered again. Default 30 s; 0 to 12 h.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Receives after which the next receive moves the message to <see cref="DeadLetterQueue"/> (1–1000). Default null: no redrive.</summary>
    public int? MaxReceiveCount { get; set; }

    /// <summary>Where redriven messages go; required with <see cref="MaxReceiveCount"/> and of the same type (FIFO or standard). Default null.</summary>
    public EmbeddedQueue? DeadLetterQueue { get; set; }

    /// <summary>FIFO only: derive a missing deduplication id from the SHA-256 of the body. Default false, as in SQS.</summary>
    public bool ContentBasedDeduplication { get; set; }

    /// <summary>The region in the queue ARN and in <c>awsRegion</c> of received messages. Default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The account in the queue ARN, also reported as <c>SenderId</c>. Default <c>000000000000</c>.</summary>
    public string AccountId { get; set; } = "000000000000";

    /// <summary>Whether <see cref="Name"/> makes a FIFO queue.</summary>
    public bool IsFifo => FifoQueueNames.IsFifo(Name);

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="ArgumentException">One or more settings are invalid; the message lists each of them.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        ValidateName(errors);

        if (VisibilityTimeout < TimeSpan.Zero || VisibilityTimeout > QueueLimits.MaxVisibilityTimeout)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"VisibilityTimeout must be between 0 and 12 hours (was {VisibilityTimeout})."));
        }

        if (MaxReceiveCount is { } max && (max < 1 || max > 1000))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MaxReceiveCount must be between 1 and 1000 (was {max})."));
        }

        if (MaxReceiveCount is not null && DeadLetterQueue is null)
        {
            errors.Add("MaxReceiveCount needs a DeadLetterQueue to redrive to.");
        }

        if (MaxReceiveCount is null && DeadLetterQueue is not null)
        {
            errors.Add("DeadLetterQueue needs a MaxReceiveCount.");
        }

        if (DeadLetterQueue is not null && DeadLetterQueue.IsFifo != IsFifo)
        {
            errors.Add("The DeadLetterQueue of a FIFO queue must be a FIFO queue, and of a standard queue a standard queue.");
        }

        if (ContentBasedDeduplication && !IsFifo)
        {
            errors.Add("ContentBasedDeduplication applies to FIFO queues only.");
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            errors.Add("Region is required.");
        }

        if (string.IsNullOrWhiteSpace(AccountId))
        {
            errors.Add("AccountId is required.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid EmbeddedQueueOptions: " + string.Join(" ", errors));
        }
    }

    internal EmbeddedQueueOptions Copy() => (EmbeddedQueueOptions)MemberwiseClone();

    private void ValidateName(List<string> errors)
    {
        var name = Name ?? string.Empty;
        var stem = FifoQueueNames.Stem(name);
        if (stem.Length == 0 || name.Length > 80)
        {
            errors.Add("Name must have 1 to 80 characters.");
        }

        if (stem.AsSpan().ContainsAnyExcept(QueueNameCharacters))
        {
            errors.Add($"Name '{Name}' may only contain letters, digits, '-' and '_' (and end in '.fifo').");
        }
    }

}
