using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Tests.Batching.Fakes;

/// <summary>A dead-letter queue that records every SendBatchAsync call and can be told to fail entries or whole calls.</summary>
internal sealed class RecordingQueue(string name = "gymcoach-workouts-dlq") : IMessageQueue
{
    private readonly Lock _lock = new();
    private readonly List<IReadOnlyList<OutgoingMessage>> _batches = [];
    private int _nextId;

    public string Name { get; } = name;

    public string Arn => "arn:aws:sqs:eu-west-1:123456789012:" + Name;

    /// <summary>Returns an error for an entry that must fail, null to accept it.</summary>
    public Func<OutgoingMessage, string?>? FailEntry { get; set; }

    /// <summary>Thrown by every SendBatchAsync call when set.</summary>
    public Exception? ThrowOnSend { get; set; }

    public IReadOnlyList<IReadOnlyList<OutgoingMessage>> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<OutgoingMessage> Sent => [.. Batches.SelectMany(batch => batch)];

    public Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _batches.Add([.. messages]);
        }

        if (ThrowOnSend is not null)
        {
            throw ThrowOnSend;
        }

        var outcomes = new List<SendOutcome>(messages.Count);
        foreach (var message in messages)
        {
            var error = FailEntry?.Invoke(message);
            outcomes.Add(error is null
                ? new SendOutcome("dlq-" + Interlocked.Increment(ref _nextId), null)
                : new SendOutcome(null, error, SenderFault: false));
        }

        return Task.FromResult<IReadOnlyList<SendOutcome>>(outcomes);
    }

    public Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The batch processor only sends to its dead-letter queue.");

    public Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The batch processor only sends to its dead-letter queue.");

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The batch processor only sends to its dead-letter queue.");

    public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The batch processor only sends to its dead-letter queue.");

    public Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The batch processor only sends to its dead-letter queue.");
}
