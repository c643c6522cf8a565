namespace GymCoach.Contracts.Queueing;

public static class MessageQueueExtensions
{
    /// <summary>The largest batch SendMessageBatch, DeleteMessageBatch and ReceiveMessage accept.</summary>
    public const int MaxBatchEntries = 10;

    /// <summary>Sends any number of messages in batches of 10, the batches concurrently, retrying entries that failed for a transient reason.</summary>
    /// <returns>One outcome per message, in order; an entry that still failed after the retries carries its last error.</returns>
    public static async Task<SendOutcome[]> SendAllAsync(
        this IMessageQueue queue,
        IReadOnlyList<OutgoingMessage> messages,
        CancellationToken cancellationToken,
        int maxAttempts = 3)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(messages);
        var outcomes = new SendOutcome[messages.Count];
        var pending = new List<int>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            pending.Add(i);
        }

        for (var attempt = 1; pending.Count > 0 && attempt <= maxAttempts; attempt++)
        {
            var batches = new List<Task>((pending.Count + MaxBatchEntries - 1) / MaxBatchEntries);
            for (var start = 0; start < pending.Count; start += MaxBatchEntries)
            {
                var indexes = pending.GetRange(start, Math.Min(MaxBatchEntries, pending.Count - start));
                batches.Add(SendBatchAsync(queue, messages, indexes, outcomes, cancellationToken));
            }

            await Task.WhenAll(batches);
            pending.RemoveAll(i => outcomes[i].Succeeded || outcomes[i].SenderFault);
        }

        return outcomes;
    }

    private static async Task SendBatchAsync(
        IMessageQueue queue,
        IReadOnlyList<OutgoingMessage> messages,
        List<int> indexes,
        SendOutcome[] outcomes,
        CancellationToken cancellationToken)
    {
        var batch = new OutgoingMessage[indexes.Count];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = messages[indexes[i]];
        }

        try
        {
            var results = await queue.SendBatchAsync(batch, cancellationToken);
            for (var i = 0; i < results.Count; i++)
            {
                outcomes[indexes[i]] = results[i];
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed call fails every entry of its batch; the caller's retry loop resends them.
            foreach (var index in indexes)
            {
                outcomes[index] = new SendOutcome(null, ex.Message);
            }
        }
    }
}
