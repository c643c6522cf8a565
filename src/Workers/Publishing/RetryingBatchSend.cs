using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Publishing;

/// <summary>Sends a list of messages through <see cref="BatchSender"/>, so that every batched send resends failed entries the same way.</summary>
/// <remarks>
/// Batches of <see cref="MessageBatch.MaxEntries"/>, a bounded number in flight (one at a time on a FIFO
/// queue), entries that failed for a transient reason resent with exponential backoff and jitter. Never throws for
/// failed entries: each message gets its outcome, a failed one with the queue's last error.
/// </remarks>
public static class RetryingBatchSend
{
    /// <param name="options">Attempts, backoff and concurrency; null for the <see cref="SqsBatchPublisherOptions"/> defaults.</param>
    /// <param name="cancellationToken">Stops sending and backing off; entries not yet accepted then fail.</param>
    /// <returns>One outcome per message, in the order of <paramref name="messages"/>.</returns>
    public static Task<SendOutcome[]> SendAsync(
        IMessageQueue queue,
        IReadOnlyList<OutgoingMessage> messages,
        SqsBatchPublisherOptions? options = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(queue, messages, options, TimeProvider.System, cancellationToken);

    /// <param name="options">Attempts, backoff and concurrency; null for the <see cref="SqsBatchPublisherOptions"/> defaults.</param>
    /// <param name="timeProvider">The clock the backoffs wait on.</param>
    /// <param name="cancellationToken">Stops sending and backing off; entries not yet accepted then fail.</param>
    /// <returns>One outcome per message, in the order of <paramref name="messages"/>.</returns>
    public static async Task<SendOutcome[]> SendAsync(
        IMessageQueue queue,
        IReadOnlyList<OutgoingMessage> messages,
        SqsBatchPublisherOptions? options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var pending = new PendingMessage[messages.Count];
        using (var sender = new BatchSender(queue, options ?? new SqsBatchPublisherOptions(), timeProvider, cancellationToken))
        {
            for (var start = 0; start < messages.Count; start += MessageBatch.MaxEntries)
            {
                var batch = new List<PendingMessage>(Math.Min(MessageBatch.MaxEntries, messages.Count - start));
                for (var i = start; i < start + batch.Capacity; i++)
                {
                    pending[i] = new PendingMessage(messages[i], 0);
                    batch.Add(pending[i]);
                }

                await sender.StartAsync(batch);
            }

            await sender.WhenAllSentAsync();
        }

        return Array.ConvertAll(pending, Outcome);
    }

    private static SendOutcome Outcome(PendingMessage message) => message.Task.IsCompletedSuccessfully
        ? new SendOutcome(message.Task.Result, null)
        : message.Task.Exception?.InnerException is PublishFailedException failed
            ? new SendOutcome(null, failed.QueueError ?? failed.Message, failed.SenderFault)
            : new SendOutcome(null, message.Task.Exception?.InnerException?.Message ?? "The queue reported no outcome for this entry.");
}
