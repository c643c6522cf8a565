using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Publishing;

namespace GymCoach.Cli.Reports;

/// <summary>Moves messages from a dead-letter queue back to its source queue, 10 at a time, through <see cref="IMessageQueue"/> only.</summary>
/// <remarks>
/// Each batch is received from the dead-letter queue, sent to the source with its original body and string attributes
/// (minus <c>failureReason</c> and <c>sourceQueue</c>, which describe the dead-lettering), and deleted from the
/// dead-letter queue only for the entries the source accepted; the send goes through <see cref="RetryingBatchSend"/>, so an
/// entry the source failed for a transient reason is resent before it counts as failed. Entries the source refused stay hidden until the end of
/// the redrive, so they are not received again in the same run, and are then made visible again. Deletes are never
/// cancelled: a message sent must not stay behind because the user pressed Ctrl-C.
/// </remarks>
internal static class DeadLetterRedriver
{
    public static async Task<RedriveResult> RedriveAsync(
        IMessageQueue deadLetters,
        IMessageQueue source,
        int max,
        TimeSpan wait,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetters);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var received = 0;
        var moved = 0;
        var sendFailed = 0;
        var deleteFailed = 0;
        var errors = new SortedSet<string>(StringComparer.Ordinal);
        var held = new List<string>();
        try
        {
            while (received < max && !cancellationToken.IsCancellationRequested)
            {
                var batch = await deadLetters.ReceiveAsync(Math.Min(MessageBatch.MaxEntries, max - received), wait, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                received += batch.Count;
                var outcomes = await RetryingBatchSend.SendAsync(source, [.. batch.Select(m => ToSource(m, source.IsFifo))], cancellationToken: cancellationToken);

                var deletes = new List<string>(batch.Count);
                for (var i = 0; i < batch.Count; i++)
                {
                    var outcome = outcomes[i];
                    if (outcome.Succeeded)
                    {
                        deletes.Add(batch[i].ReceiptHandle!);
                        continue;
                    }

                    sendFailed++;
                    errors.Add(outcome.Error ?? "unknown error");
                    if (batch[i].ReceiptHandle is { } handle)
                    {
                        held.Add(handle);
                    }
                }

                deleteFailed += await DeleteAsync(deadLetters, deletes);
                moved += deletes.Count;

                // Stopped before the source accepted every entry: the accepted ones are deleted, the rest is held (made
                // visible again below), and the redrive ends as cancelled.
                if (cancellationToken.IsCancellationRequested && deletes.Count < batch.Count)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }
        finally
        {
            await DeadLetterPeek.ReleaseAsync(deadLetters, held);
        }

        return new RedriveResult(deadLetters.Name, source.Name, received, moved - deleteFailed, sendFailed, deleteFailed, [.. errors]);
    }

    /// <summary>The message as the source queue should get it again.</summary>
    public static OutgoingMessage ToSource(SqsMessage message, bool fifoSource)
    {
        ArgumentNullException.ThrowIfNull(message);
        Dictionary<string, string>? attributes = null;
        foreach (var (name, attribute) in message.MessageAttributes ?? new Dictionary<string, SqsMessageAttribute>())
        {
            if (name is MessageAttributeNames.FailureReason or MessageAttributeNames.SourceQueue || attribute?.StringValue is not { } value)
            {
                continue;
            }

            (attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value;
        }

        return new OutgoingMessage
        {
            Body = message.Body,
            Attributes = attributes,
            MessageGroupId = fifoSource ? message.MessageGroupId ?? "redrive" : null,

            // The dead-letter message id is stable while it waits, so a repeated redrive of it deduplicates.
            DeduplicationId = fifoSource ? message.MessageId : null,
        };
    }

    /// <returns>How many deletes failed.</returns>
    private static async Task<int> DeleteAsync(IMessageQueue deadLetters, List<string> handles)
    {
        if (handles.Count == 0)
        {
            return 0;
        }

        try
        {
            return (await deadLetters.DeleteBatchAsync(handles, CancellationToken.None)).Count;
        }
        catch (Exception)
        {
            return handles.Count;
        }
    }
}
