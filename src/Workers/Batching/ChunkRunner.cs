using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Logging;

namespace GymCoach.Workers.Batching;

/// <summary>Runs one chunk: opens its scope, handles its messages in order, completes it, dead-letters its poison.</summary>
internal static class ChunkRunner
{
    /// <summary>Returns true when every message of the chunk started and none is left to retry.</summary>
    public static async Task<bool> RunAsync(BatchRun run, int chunkIndex, int start, int length)
    {
        if (!run.CanStart())
        {
            return false;
        }

        var settings = run.Settings;
        var startedAt = settings.TimeProvider.GetTimestamp();
        IChunkScope scope;
        try
        {
            scope = run.Handler.BeginChunk();
        }
        catch (Exception ex)
        {
            FailAll(run, chunkIndex, start, length, ex);
            settings.Observer.OnChunkCompleted(chunkIndex, length, length, settings.TimeProvider.GetElapsedTime(startedAt));
            return false;
        }

        var records = run.Records;
        var status = run.Status;
        var cancellationToken = run.CancellationToken;
        var handled = new List<SqsMessage>(length);
        List<PoisonEntry>? poison = null;
        var allStarted = true;
        try
        {
            for (var position = start; position < start + length; position++)
            {
                var index = run.Plan.RecordAt(position);
                var message = records[index];
                if (message is null)
                {
                    continue;
                }

                if (!run.CanStart())
                {
                    allStarted = false;
                    break;
                }

                try
                {
                    await scope.HandleAsync(message, cancellationToken);
                    status[index] = MessageStatus.Handled;
                    handled.Add(message);
                }
                catch (Exception ex)
                {
                    if (Fail(run, chunkIndex, index, ex, ref poison) && run.Plan.Ordered)
                    {
                        break;
                    }
                }
            }

            poison = await CompleteAsync(run, scope, chunkIndex, start, length, handled, poison);
        }
        finally
        {
            await DisposeAsync(run, scope, chunkIndex);
        }

        if (poison is not null)
        {
            await settings.DeadLetters.SendAsync(records, poison, status, chunkIndex, cancellationToken);
        }

        var failed = Settle(run, start, length);
        settings.Observer.OnChunkCompleted(chunkIndex, length, failed, settings.TimeProvider.GetElapsedTime(startedAt));
        return allStarted && failed == 0;
    }

    private static async Task<List<PoisonEntry>?> CompleteAsync(
        BatchRun run,
        IChunkScope scope,
        int chunkIndex,
        int start,
        int length,
        List<SqsMessage> handled,
        List<PoisonEntry>? poison)
    {
        // Cancelled: the downstream work would only fail; the handled messages stay unsettled and are retried.
        if (run.CancellationToken.IsCancellationRequested)
        {
            return poison;
        }

        var records = run.Records;
        var status = run.Status;
        var completion = new ChunkCompletion(handled);
        try
        {
            await scope.CompleteAsync(completion, run.CancellationToken);
        }
        catch (Exception ex)
        {
            for (var position = start; position < start + length; position++)
            {
                var index = run.Plan.RecordAt(position);
                if (status[index] == MessageStatus.Handled)
                {
                    status[index] = MessageStatus.RetryFailed;
                    run.Settings.Observer.OnMessageFailed(records[index], ex, poison: false);
                }
            }

            run.Settings.Logger.Error(
                ex,
                "Completing chunk {ChunkIndex} failed; its {FailureCount} handled messages will be retried",
                chunkIndex,
                handled.Count);
            return poison;
        }

        var failures = completion.Failures;
        for (var position = start; position < start + length; position++)
        {
            var index = run.Plan.RecordAt(position);
            if (status[index] != MessageStatus.Handled)
            {
                continue;
            }

            if (failures.Count > 0 && failures.TryGetValue(records[index], out var error))
            {
                Fail(run, chunkIndex, index, error, ref poison);
            }
            else
            {
                status[index] = MessageStatus.Succeeded;
            }
        }

        return poison;
    }

    /// <summary>Records one message's failure; returns true when it is transient (retried), false when poison.</summary>
    private static bool Fail(BatchRun run, int chunkIndex, int index, Exception error, ref List<PoisonEntry>? poison)
    {
        var message = run.Records[index];
        var isPoison = FailureClassifier.IsPoison(error);

        // The producer's correlation id follows the message into every line logged about it.
        var log = run.Settings.Logger.ForContext(LogProperties.CorrelationId, message.GetStringAttribute(MessageAttributeNames.CorrelationId));
        if (isPoison)
        {
            run.Status[index] = MessageStatus.Poison;
            (poison ??= new List<PoisonEntry>(4)).Add(new PoisonEntry(index, error));
            log.Warning(error, "Message {MessageId} of chunk {ChunkIndex} is poison", message.MessageId, chunkIndex);
        }
        else
        {
            run.Status[index] = MessageStatus.RetryFailed;
            log.Warning(
                error,
                "Message {MessageId} of chunk {ChunkIndex} failed and will be retried",
                message.MessageId,
                chunkIndex);
        }

        run.Settings.Observer.OnMessageFailed(message, error, isPoison);
        return !isPoison;
    }

    private static void FailAll(BatchRun run, int chunkIndex, int start, int length, Exception error)
    {
        for (var position = start; position < start + length; position++)
        {
            var index = run.Plan.RecordAt(position);
            if (run.Records[index] is { } message)
            {
                run.Status[index] = MessageStatus.RetryFailed;
                run.Settings.Observer.OnMessageFailed(message, error, poison: false);
            }
        }

        run.Settings.Logger.Error(
            error,
            "Opening chunk {ChunkIndex} failed; its {FailureCount} messages will be retried",
            chunkIndex,
            length);
    }

    /// <summary>Turns every unsettled status of the chunk into a retry and returns how many of its messages are retried.</summary>
    /// <remarks>
    /// On FIFO, a message that succeeded after an earlier retry in its group is retried too: deleting it would let
    /// it overtake the earlier one. Its work is redone on redelivery, which idempotent handlers allow.
    /// </remarks>
    private static int Settle(BatchRun run, int start, int length)
    {
        var status = run.Status;
        var ordered = run.Plan.Ordered;
        var failed = 0;
        for (var position = start; position < start + length; position++)
        {
            var index = run.Plan.RecordAt(position);
            switch (status[index])
            {
                case MessageStatus.Succeeded when ordered && failed > 0:
                case MessageStatus.Handled:
                case MessageStatus.Poison:
                    status[index] = MessageStatus.RetryFailed;
                    failed++;
                    break;
                case MessageStatus.RetryFailed:
                case MessageStatus.NotStarted:
                    failed++;
                    break;
                default:
                    break;
            }
        }

        return failed;
    }

    private static async ValueTask DisposeAsync(BatchRun run, IChunkScope scope, int chunkIndex)
    {
        try
        {
            if (scope is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (scope is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
        catch (Exception ex)
        {
            run.Settings.Logger.Warning(ex, "Disposing the scope of chunk {ChunkIndex} failed", chunkIndex);
        }
    }
}
