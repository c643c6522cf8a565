using GymCoach.Contracts.Queueing;

namespace GymCoach.Workers.Publishing;

/// <summary>Sends the batches a <see cref="SqsBatchPublisher"/> collected, a bounded number at once, resending only failed entries.</summary>
/// <remarks>
/// A batch holds its concurrency slot until every entry is resolved, backoffs included, so a throttled queue slows the
/// publisher's intake instead of piling up retries. <see cref="StartAsync"/>, <see cref="CompleteAfterInFlight"/> and
/// <see cref="WhenAllSentAsync"/> are called by the publisher's single loop only; <see cref="RetryingBatchSend"/> lends the
/// same sending to callers that have a list of messages rather than a stream.
/// </remarks>
internal sealed class BatchSender : IDisposable
{
    private readonly IMessageQueue _queue;
    private readonly SqsBatchPublisherOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _slots;
    private readonly List<Task> _inFlight = [];
    private readonly CancellationToken _cancellationToken;

    /// <param name="timeProvider">The clock the backoffs wait on.</param>
    /// <param name="cancellationToken">
    /// Stops sends and backoffs, failing what is left; the publisher passes none, since an accepted message is sent.
    /// </param>
    public BatchSender(IMessageQueue queue, SqsBatchPublisherOptions options, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        _queue = queue;
        _options = options;
        _timeProvider = timeProvider;
        _cancellationToken = cancellationToken;

        // Concurrent batches could overtake each other; a FIFO queue must get each group's messages in order.
        var concurrency = queue.IsFifo ? 1 : options.MaxConcurrentBatches;
        _slots = new SemaphoreSlim(concurrency, concurrency);
    }

    /// <summary>Waits for a free slot, then starts sending <paramref name="batch"/> without waiting for it.</summary>
    public async ValueTask StartAsync(List<PendingMessage> batch)
    {
        await _slots.WaitAsync();
        _inFlight.RemoveAll(static task => task.IsCompleted);
        _inFlight.Add(SendAsync(batch));
    }

    /// <summary>Completes <paramref name="marker"/> once every batch started so far has completed.</summary>
    public void CompleteAfterInFlight(PendingMessage marker)
    {
        _inFlight.RemoveAll(static task => task.IsCompleted);
        if (_inFlight.Count == 0)
        {
            marker.TrySetResult(string.Empty);
            return;
        }

        Task.WhenAll(_inFlight).ContinueWith(
            static (_, state) => ((PendingMessage)state!).TrySetResult(string.Empty),
            marker,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public Task WhenAllSentAsync() => Task.WhenAll(_inFlight);

    public void Dispose() => _slots.Dispose();

    private async Task SendAsync(List<PendingMessage> batch)
    {
        try
        {
            var pending = batch;
            for (var attempt = 1; ; attempt++)
            {
                var retry = await SendOnceAsync(pending, attempt);
                if (retry is null)
                {
                    return;
                }

                await Task.Delay(Backoff(attempt), _timeProvider, _cancellationToken);
                pending = retry;
            }
        }
        catch (Exception ex)
        {
            // Defensive: whatever happened, no caller is left waiting.
            foreach (var message in batch)
            {
                message.TrySetException(new PublishFailedException($"Sending to queue {_queue.Name} failed unexpectedly: {ex.Message}", ex) { QueueError = ex.Message });
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Sends once; completes the entries that are settled and returns the ones to resend, or null when none are left.</summary>
    private async Task<List<PendingMessage>?> SendOnceAsync(List<PendingMessage> pending, int attempt)
    {
        var messages = new OutgoingMessage[pending.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = pending[i].Message!;
        }

        IReadOnlyList<SendOutcome> outcomes;
        try
        {
            // Not the publisher's callers' tokens: a batch is shared by many callers, and an accepted message is sent.
            outcomes = await _queue.SendBatchAsync(messages, _cancellationToken);
        }
        catch (OperationCanceledException ex) when (_cancellationToken.IsCancellationRequested)
        {
            FailAll(pending, ex.Message, senderFault: false, attempt, ex);
            return null;
        }
        catch (ArgumentException ex)
        {
            FailAll(pending, ex.Message, senderFault: true, attempt, ex);
            return null;
        }
        catch (Exception ex)
        {
            if (attempt >= _options.MaxAttempts)
            {
                FailAll(pending, ex.Message, senderFault: false, attempt, ex);
                return null;
            }

            return pending;
        }

        List<PendingMessage>? retry = null;
        for (var i = 0; i < pending.Count; i++)
        {
            var outcome = i < outcomes.Count ? outcomes[i] : new SendOutcome(null, "The queue reported no outcome for this entry.");
            if (outcome.Succeeded)
            {
                pending[i].TrySetResult(outcome.MessageId!);
            }
            else if (outcome.SenderFault || attempt >= _options.MaxAttempts)
            {
                pending[i].TrySetException(Failed(outcome.Error, outcome.SenderFault, attempt, null));
            }
            else
            {
                (retry ??= new List<PendingMessage>(pending.Count - i)).Add(pending[i]);
            }
        }

        return retry;
    }

    private void FailAll(List<PendingMessage> pending, string error, bool senderFault, int attempt, Exception ex)
    {
        foreach (var message in pending)
        {
            message.TrySetException(Failed(error, senderFault, attempt, ex));
        }
    }

    private PublishFailedException Failed(string? error, bool senderFault, int attempts, Exception? ex) => new(
        senderFault
            ? $"Queue {_queue.Name} refused the message: {error}"
            : $"The message could not be sent to queue {_queue.Name} in {attempts} attempt(s): {error}",
        senderFault,
        attempts,
        ex)
    {
        QueueError = error,
    };

    /// <summary>Exponential backoff with equal jitter: between half and all of min(MaxBackoff, InitialBackoff × 2^(attempt-1)).</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_options.MaxBackoff.Ticks, _options.InitialBackoff.Ticks * (1L << Math.Min(attempt - 1, 30)));
        return TimeSpan.FromTicks((ceiling / 2) + (long)(Random.Shared.NextDouble() * (ceiling / 2)));
    }
}
