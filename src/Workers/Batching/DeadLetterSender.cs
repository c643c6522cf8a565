using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using Serilog;

namespace GymCoach.Workers.Batching;

/// <summary>Sends a chunk's poison messages to the dead-letter queue, 10 per call, and records which made it.</summary>
/// <remarks>
/// A message is <see cref="MessageStatus.DeadLettered"/> (deleted from the source) only when its entry was accepted;
/// otherwise, or without a dead-letter queue, it is <see cref="MessageStatus.RetryFailed"/> and the source queue's
/// own redrive takes it after maxReceiveCount.
/// </remarks>
internal sealed class DeadLetterSender(IMessageQueue? queue, ILogger logger)
{
    public const int MaxBatchSize = 10;

    public async Task SendAsync(
        IReadOnlyList<SqsMessage> records,
        List<PoisonEntry> entries,
        MessageStatus[] status,
        int chunkIndex,
        CancellationToken cancellationToken)
    {
        if (queue is null)
        {
            MarkRetry(entries, 0, entries.Count, status);
            logger.Warning(
                "No dead-letter queue: {FailureCount} poison messages of chunk {ChunkIndex} are left to the source queue's redrive",
                entries.Count,
                chunkIndex);
            return;
        }

        for (var start = 0; start < entries.Count; start += MaxBatchSize)
        {
            var size = Math.Min(MaxBatchSize, entries.Count - start);
            var batch = new List<OutgoingMessage>(size);
            for (var i = start; i < start + size; i++)
            {
                batch.Add(DeadLetterMessages.Create(records[entries[i].RecordIndex], entries[i].Error));
            }

            IReadOnlyList<SendOutcome>? outcomes;
            try
            {
                outcomes = await queue.SendBatchAsync(batch, cancellationToken);
            }
            catch (Exception ex)
            {
                MarkRetry(entries, start, size, status);
                logger.Error(
                    ex,
                    "Dead-lettering failed for {FailureCount} poison messages of chunk {ChunkIndex} to {QueueName}",
                    size,
                    chunkIndex,
                    queue.Name);
                continue;
            }

            for (var i = 0; i < size; i++)
            {
                var entry = entries[start + i];
                var outcome = outcomes is not null && i < outcomes.Count ? outcomes[i] : null;
                if (outcome is { Succeeded: true })
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
    }

    private static void MarkRetry(List<PoisonEntry> entries, int start, int count, MessageStatus[] status)
    {
        for (var i = start; i < start + count; i++)
        {
            status[entries[i].RecordIndex] = MessageStatus.RetryFailed;
        }
    }
}
