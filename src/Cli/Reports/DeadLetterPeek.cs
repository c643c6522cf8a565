using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Cli.Reports;

/// <summary>Reads messages of a queue without consuming them: receive, then make every received message visible again.</summary>
/// <remarks>
/// SQS has no peek. The messages stay invisible while the peek runs (so each is seen once) and are released with a
/// visibility timeout of zero at the end, also on failure or cancellation; a message whose release fails comes back
/// after the queue's visibility timeout. Each peek adds one to the messages' ApproximateReceiveCount, which is
/// harmless on a dead-letter queue (it has no redrive policy of its own).
/// </remarks>
internal static class DeadLetterPeek
{
    /// <summary>The long poll of each receive: enough for SQS to look at all its servers, so an empty answer means empty.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);

    /// <param name="stopWhen">Stops early once a received message matches (used to find one message).</param>
    /// <returns>The messages, oldest sent first.</returns>
    public static async Task<IReadOnlyList<SqsMessage>> PeekAsync(
        IMessageQueue queue,
        int max,
        TimeSpan wait,
        CancellationToken cancellationToken,
        Func<SqsMessage, bool>? stopWhen = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var seen = new Dictionary<string, SqsMessage>(StringComparer.Ordinal);
        var handles = new List<string>();
        try
        {
            while (seen.Count < max)
            {
                var batch = await queue.ReceiveAsync(Math.Min(MessageBatch.MaxEntries, max - seen.Count), wait, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                var found = false;
                foreach (var message in batch)
                {
                    if (message.ReceiptHandle is not null)
                    {
                        handles.Add(message.ReceiptHandle);
                    }

                    seen.TryAdd(message.MessageId, message);
                    found |= stopWhen?.Invoke(message) == true;
                }

                if (found)
                {
                    break;
                }
            }
        }
        finally
        {
            await ReleaseAsync(queue, handles);
        }

        return [.. seen.Values.OrderBy(m => m.SentAt ?? DateTimeOffset.MaxValue).ThenBy(m => m.MessageId, StringComparer.Ordinal)];
    }

    /// <summary>Makes the messages visible again at once; best effort, never cancelled, so nothing stays hidden after the command.</summary>
    public static async Task ReleaseAsync(IMessageQueue queue, IReadOnlyList<string> handles)
    {
        for (var start = 0; start < handles.Count; start += MessageBatch.MaxEntries)
        {
            var releases = handles.Skip(start).Take(MessageBatch.MaxEntries).Select(async handle =>
            {
                try
                {
                    await queue.ChangeVisibilityAsync(handle, TimeSpan.Zero, CancellationToken.None);
                }
                catch (Exception)
                {
                    // The message comes back after the visibility timeout instead.
                }
            });
            await Task.WhenAll(releases);
        }
    }
}
