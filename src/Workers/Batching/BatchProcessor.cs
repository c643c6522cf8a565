using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using Serilog;

namespace GymCoach.Workers.Batching;

/// <summary>Processes one Lambda SQS event chunk by chunk and returns the partial batch response.</summary>
/// <remarks>
/// <para>
/// Records are cut into chunks of <see cref="BatchProcessorOptions.ChunkSize"/>, at most
/// <see cref="BatchProcessorOptions.MaxConcurrentChunks"/> at once, fewer while the downstream throttles
/// (<see cref="Concurrency"/>), one <see cref="IChunkScope"/> per chunk (disposed afterwards when it is disposable). A message succeeds only when its handling succeeded and its chunk's completion
/// accepted it; everything else is reported for retry, except poison accepted by the dead-letter queue.
/// </para>
/// <para>
/// FIFO events (source ARN ending in <c>.fifo</c>) are processed group by group, in order; after a retry in a group
/// the rest of that group is retried without being started, while dead-lettered poison lets the group go on.
/// No message starts within the safety margin of the deadline or after cancellation; handlers' token is cancelled at
/// half the margin before the deadline. Partial failure never throws.
/// </para>
/// </remarks>
public sealed class BatchProcessor
{
    /// <summary>Beyond this a deadline is treated as none: no timer is armed and every message may start.</summary>
    private static readonly TimeSpan NoDeadline = TimeSpan.FromDays(1);

    private readonly int _maxConcurrentChunks;
    private readonly TimeSpan _safetyMargin;
    private readonly ChunkSettings _settings;

    /// <param name="options">Validated here; its values are copied, so later changes have no effect.</param>
    /// <param name="deadLetterQueue">Where poison goes; without one, poison is left to the source queue's redrive.</param>
    /// <param name="concurrency">
    /// Lowers the chunk concurrency while the downstream throttles; its <see cref="ChunkConcurrencyLimiter.MaxLimit"/>
    /// must be <see cref="BatchProcessorOptions.MaxConcurrentChunks"/>. Null: a limiter that sees no throttling, so the
    /// concurrency stays at the maximum.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid, or the limiter's maximum differs from it.</exception>
    public BatchProcessor(
        BatchProcessorOptions options,
        IMessageQueue? deadLetterQueue = null,
        TimeProvider? timeProvider = null,
        IBatchObserver? observer = null,
        ILogger? logger = null,
        ChunkConcurrencyLimiter? concurrency = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (concurrency is not null && concurrency.MaxLimit != options.MaxConcurrentChunks)
        {
            throw new ArgumentException(
                $"The concurrency limiter's maximum ({concurrency.MaxLimit}) must be MaxConcurrentChunks ({options.MaxConcurrentChunks}).",
                nameof(concurrency));
        }

        _maxConcurrentChunks = options.MaxConcurrentChunks;
        _safetyMargin = options.DeadlineSafetyMargin;
        var log = (logger ?? Serilog.Core.Logger.None).ForContext<BatchProcessor>();
        _settings = new ChunkSettings(
            options.ChunkSize,
            timeProvider ?? TimeProvider.System,
            observer ?? NullBatchObserver.Instance,
            concurrency ?? new ChunkConcurrencyLimiter(options.MaxConcurrentChunks),
            new DeadLetterSender(deadLetterQueue, log),
            log);
    }

    /// <summary>The chunk concurrency now, and how often throttling lowered it.</summary>
    public ChunkConcurrencyLimiter Concurrency => _settings.Concurrency;

    /// <summary>Handles every record of <paramref name="sqsEvent"/> that can be handled before <paramref name="deadline"/>.</summary>
    /// <returns>The response listing the messages to retry, with counts; never throws for failed or unstarted messages.</returns>
    /// <exception cref="UnreportableFailureException">
    /// A message to retry has a null or blank message id: no response can name it, so the invocation must fail as a
    /// whole (the Lambda runtime reports the error, and Lambda retries every message of the batch).
    /// </exception>
    public async Task<BatchOutcome> ProcessAsync(
        SqsEvent sqsEvent,
        IMessageHandler handler,
        DateTimeOffset deadline,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sqsEvent);
        ArgumentNullException.ThrowIfNull(handler);

        var records = sqsEvent.Records ?? [];
        var time = _settings.TimeProvider;
        var startedAt = time.GetTimestamp();
        var remaining = deadline - time.GetUtcNow();
        var sourceArn = records.Count > 0 ? records[0]?.EventSourceArn : null;
        var plan = FifoQueueNames.IsFifo(sourceArn)
            ? BatchPlan.Fifo(records, _settings.ChunkSize)
            : BatchPlan.Standard(records.Count, _settings.ChunkSize);

        using var deadlineSource = CreateDeadlineSource(remaining - (_safetyMargin / 2));
        using var invocationSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineSource.Token);
        var run = new BatchRun(records, plan, handler, _settings, StopStartingAt(startedAt, remaining), invocationSource.Token);
        try
        {
            await run.RunAsync(_maxConcurrentChunks);
        }
        finally
        {
            // Whatever a handler left running must not outlive the invocation.
            await invocationSource.CancelAsync();
        }

        var outcome = BatchOutcomeBuilder.Build(records, run.Status);
        var queueName = DeadLetterMessages.QueueNameOf(sourceArn);
        if (run.StoppedEarly && outcome.NotStarted > 0)
        {
            _settings.Logger.Warning(
                "Stopped at the deadline or on cancellation: {FailureCount} messages from {QueueName} not started",
                outcome.NotStarted,
                queueName);
        }

        _settings.Logger.Information(
            "Processed a batch from {QueueName} with {FailureCount} messages to retry",
            queueName,
            outcome.Response.BatchItemFailures.Count);
        _settings.Observer.OnBatchCompleted(outcome, time.GetElapsedTime(startedAt));
        return outcome;
    }

    private CancellationTokenSource CreateDeadlineSource(TimeSpan delay)
    {
        if (delay > NoDeadline)
        {
            return new CancellationTokenSource();
        }

        if (delay <= TimeSpan.Zero)
        {
            var expired = new CancellationTokenSource();
            expired.Cancel();
            return expired;
        }

        return new CancellationTokenSource(delay, _settings.TimeProvider);
    }

    /// <summary>The timestamp after which no message may start; monotonic, so a wall-clock jump cannot move it.</summary>
    private long StopStartingAt(long startedAt, TimeSpan remaining)
    {
        var startable = remaining - _safetyMargin;
        if (startable > NoDeadline)
        {
            return long.MaxValue;
        }

        return startedAt + (long)(startable.TotalSeconds * _settings.TimeProvider.TimestampFrequency);
    }
}
