using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Functions;
using Serilog;

namespace GymCoach.Embedded.EventSource;

/// <summary>Drives an <see cref="ISqsFunction"/> from a queue the way the Lambda SQS event source mapping does.</summary>
/// <remarks>
/// <para>
/// Up to <see cref="EventSourceOptions.MaximumConcurrency"/> pollers each gather a batch (up to BatchSize, within the
/// batching window), invoke the function, delete the messages it did not report as failed, and leave the failed ones
/// to the visibility timeout. Faithful to the service where AWS's local tools are not: when the function throws, times
/// out, or reports an empty, null or unknown itemIdentifier, the WHOLE batch is retried.
/// </para>
/// <para>
/// Timeouts are as strict as the service's: a queue whose visibility timeout is shorter than the function timeout is
/// refused, an invocation is over at the function timeout (see <see cref="FunctionInvoker"/>), and a batch is gathered
/// only while its first message still has the whole function timeout of visibility left. So no message is delivered
/// again while an invocation holding it may still run.
/// </para>
/// </remarks>
public sealed class LocalEventSourceRunner
{
    private readonly IMessageQueue _queue;
    private readonly EventSourceOptions _options;
    private readonly TimeSpan _gatherLimit;
    private readonly FunctionInvoker _invoker;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    private LocalEventSourceRunner(IMessageQueue queue, ISqsFunction function, EventSourceOptions options, TimeSpan visibilityTimeout, TimeProvider timeProvider, ILogger logger)
    {
        _queue = queue;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _invoker = new FunctionInvoker(function, options.FunctionTimeout, Stats, timeProvider, logger);

        // Visibility starts at the receive; the invocation may take the whole function timeout after the batch is gathered.
        var slack = visibilityTimeout - options.FunctionTimeout;
        _gatherLimit = slack < options.MaximumBatchingWindow ? slack : options.MaximumBatchingWindow;
        if (_gatherLimit < options.MaximumBatchingWindow)
        {
            _logger.Warning(
                "Batches are gathered for only {GatherLimit} instead of the batching window: the visibility timeout {VisibilityTimeout} of {QueueName} must also cover the function timeout",
                _gatherLimit,
                visibilityTimeout);
        }
    }

    public EventSourceStats Stats { get; } = new();

    /// <summary>Checks the settings against the queue, as CreateEventSourceMapping does, and returns a runner ready to <see cref="RunAsync"/>.</summary>
    /// <param name="options">Copied: later changes have no effect.</param>
    /// <exception cref="ArgumentException">
    /// A setting is invalid, or the queue's visibility timeout is shorter than the function timeout (AWS:
    /// "Queue visibility timeout: 5 seconds is less than Function timeout: 30 seconds").
    /// </exception>
    public static async Task<LocalEventSourceRunner> CreateAsync(
        IMessageQueue queue,
        ISqsFunction function,
        EventSourceOptions options,
        TimeProvider? timeProvider = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Copy();
        var visibilityTimeout = await queue.GetVisibilityTimeoutAsync(cancellationToken);
        var errors = settings.Validate(queue.IsFifo, visibilityTimeout);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid event source settings for queue {queue.Name}: {string.Join(" ", errors)}", nameof(options));
        }

        var log = (logger ?? Serilog.Core.Logger.None).ForContext("QueueName", queue.Name);
        return new LocalEventSourceRunner(queue, function, settings, visibilityTimeout, timeProvider ?? TimeProvider.System, log);
    }

    /// <summary>Polls and invokes until <paramref name="cancellationToken"/> is cancelled, then lets in-flight batches settle.</summary>
    /// <remarks>A batch settles within the function timeout: work still running past it is not waited for (its batch is retried anyway).</remarks>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pollers = new Task[_options.MaximumConcurrency];
        for (var i = 0; i < pollers.Length; i++)
        {
            pollers[i] = PollAsync(cancellationToken);
        }

        await Task.WhenAll(pollers);
        if (Stats.RunningPastTimeout is > 0 and var running)
        {
            _logger.Warning("Stopped with {InvocationCount} timed-out invocations of {QueueName} still running; their batches will be delivered again", running);
        }
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            List<SqsMessage> batch;
            try
            {
                batch = await GatherBatchAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The service keeps polling through receive errors; so do we, without spinning.
                _logger.Warning(ex, "Receive from {QueueName} failed; polling again");
                await DelayQuietlyAsync(TimeSpan.FromSeconds(1), stopping);
                continue;
            }

            if (batch.Count > 0)
            {
                // A received batch is always invoked and settled, even while stopping: that is the graceful drain.
                await InvokeAndSettleAsync(batch);
            }
        }
    }

    private async Task<List<SqsMessage>> GatherBatchAsync(CancellationToken stopping)
    {
        var batch = new List<SqsMessage>(Math.Min(_options.BatchSize, 1000));
        var receiving = _timeProvider.GetUtcNow();
        var first = await _queue.ReceiveAsync(Math.Min(MessageBatch.MaxEntries, _options.BatchSize), _options.PollWaitTime, stopping);
        batch.AddRange(first);
        if (batch.Count == 0)
        {
            return batch;
        }

        // The first messages became invisible no earlier than the receive call; the batch must be invoked while their
        // remaining visibility still covers the whole function timeout.
        var windowEnds = _timeProvider.GetUtcNow() + _options.MaximumBatchingWindow;
        var visibilityAllows = receiving + _gatherLimit;
        if (visibilityAllows < windowEnds)
        {
            windowEnds = visibilityAllows;
        }

        while (batch.Count < _options.BatchSize && !stopping.IsCancellationRequested)
        {
            var remaining = windowEnds - _timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            var wait = remaining < _options.PollWaitTime ? remaining : _options.PollWaitTime;
            var wanted = Math.Min(MessageBatch.MaxEntries, _options.BatchSize - batch.Count);
            try
            {
                batch.AddRange(await _queue.ReceiveAsync(wanted, wait, stopping));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break; // Invoke with what was gathered: those messages are already invisible.
            }
        }

        return batch;
    }

    private async Task InvokeAndSettleAsync(List<SqsMessage> batch)
    {
        var redeliveries = 0;
        foreach (var message in batch)
        {
            if (message.ApproximateReceiveCount > 1)
            {
                redeliveries++;
            }
        }

        Stats.InvocationStarted(batch.Count, redeliveries);
        try
        {
            var failed = await InvokeAsync(batch);
            if (failed is null)
            {
                return; // Whole batch retried through the visibility timeout.
            }

            Stats.Reported(failed.Count);
            await DeleteSucceededAsync(batch, failed);
        }
        finally
        {
            Stats.BatchSettled();
        }
    }

    /// <returns>The ids to retry, or null when the whole batch must be retried.</returns>
    private async Task<HashSet<string>?> InvokeAsync(List<SqsMessage> batch)
    {
        var response = await _invoker.InvokeAsync(batch);
        return response is null ? null : ReadFailures(batch, response);
    }

    private HashSet<string>? ReadFailures(List<SqsMessage> batch, SqsBatchResponse response)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        if (response.BatchItemFailures is not { Count: > 0 } failures)
        {
            return failed;
        }

        var ids = new HashSet<string>(batch.Count, StringComparer.Ordinal);
        foreach (var message in batch)
        {
            ids.Add(message.MessageId);
        }

        foreach (var failure in failures)
        {
            if (string.IsNullOrEmpty(failure?.ItemIdentifier) || !ids.Contains(failure.ItemIdentifier))
            {
                // What the service does with such a response: it cannot tell which messages failed, so it retries them all.
                _logger.Error("The function reported an empty or unknown itemIdentifier for {QueueName}; the whole batch will be retried");
                Stats.WholeBatchRetried();
                return null;
            }

            failed.Add(failure.ItemIdentifier);
        }

        return failed;
    }

    private async Task DeleteSucceededAsync(List<SqsMessage> batch, HashSet<string> failed)
    {
        var now = _timeProvider.GetUtcNow();
        var handles = new List<string>(batch.Count - failed.Count);
        foreach (var message in batch)
        {
            if (!failed.Contains(message.MessageId) && message.ReceiptHandle is not null)
            {
                handles.Add(message.ReceiptHandle);
                if (message.SentAt is { } sentAt)
                {
                    Stats.EndToEndLatency.Record(now - sentAt);
                }
            }
        }

        var deletes = new List<Task>((handles.Count + 9) / 10);
        for (var start = 0; start < handles.Count; start += MessageBatch.MaxEntries)
        {
            deletes.Add(DeleteBatchAsync(handles.GetRange(start, Math.Min(MessageBatch.MaxEntries, handles.Count - start))));
        }

        await Task.WhenAll(deletes);
    }

    private async Task DeleteBatchAsync(List<string> handles)
    {
        try
        {
            var refused = await _queue.DeleteBatchAsync(handles, CancellationToken.None);
            Stats.Deleted(handles.Count - refused.Count);
            if (refused.Count > 0)
            {
                Stats.DeleteFailed(refused.Count);
                _logger.Warning("{FailureCount} deletes refused by {QueueName}; those messages will be delivered again", refused.Count);
            }
        }
        catch (Exception ex)
        {
            Stats.DeleteFailed(handles.Count);
            _logger.Warning(ex, "{FailureCount} deletes from {QueueName} failed; those messages will be delivered again", handles.Count);
        }
    }

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
