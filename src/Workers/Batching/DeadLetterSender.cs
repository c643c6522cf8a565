using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Publishing;
using Serilog;

namespace GymCoach.Workers.Batching;

/// <summary>Sends a chunk's poison messages to the dead-letter queue through <see cref="RetryingBatchSend"/>, and records which made it.</summary>
/// <remarks>
/// A message is <see cref="MessageStatus.DeadLettered"/> (deleted from the source) only when its entry was accepted,
/// failed entries having been resent with backoff; otherwise, or without a dead-letter queue, it is
/// <see cref="MessageStatus.RetryFailed"/> and the source queue's own redrive takes it after maxReceiveCount.
/// </remarks>
internal sealed class DeadLetterSender(IMessageQueue? queue, ILogger logger)
{
    public async Task SendAsync(
        IReadOnlyList<SqsMessage> records,
        List<PoisonEntry> entries,
        MessageStatus[] status,
        int chunkIndex,
        CancellationToken cancellationToken)
    {
        if (queue is null)
        {
            MarkRetry(entries, status);
            logger.Warning(
                "No dead-letter queue: {FailureCount} poison messages of chunk {ChunkIndex} are left to the source queue's redrive",
                entries.Count,
                chunkIndex);
            return;
        }

        var messages = new OutgoingMessage[entries.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = DeadLetterMessages.Create(records[entries[i].RecordIndex], entries[i].Error);
        }

        SendOutcome[] outcomes;
        try
        {
            outcomes = await RetryingBatchSend.SendAsync(queue, messages, cancellationToken: cancellationToken);
        }
        catch (Exception ex)
        {
            // Defensive: the sender reports failures per entry, but a poison message must never be lost to a bug.
            MarkRetry(entries, status);
            logger.Error(ex, "Dead-lettering failed for {FailureCount} poison messages of chunk {ChunkIndex} to {QueueName}", entries.Count, chunkIndex, queue.Name);
            return;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (outcomes[i].Succeeded)
            {
                status[entry.RecordIndex] = MessageStatus.DeadLettered;
                continue;
            }

            status[entry.RecordIndex] = MessageStatus.RetryFailed;
            logger.Warning(
                "Dead-lettering message {MessageId} of chunk {ChunkIndex} to {QueueName} failed; it is left to redrive",
                records[entry.RecordIndex].MessageId,
                chunkIndex,
                queue.Name);
        }
    }

    private static void MarkRetry(List<PoisonEntry> entries, MessageStatus[] status)
    {
        foreach (var entry in entries)
        {
            status[entry.RecordIndex] = MessageStatus.RetryFailed;
        }
    }
}
