using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Aws.Sqs;

/// <summary>Wraps a queue so that SQS throttling on sends and deletes slows the caller down instead of failing it.</summary>
/// <remarks>
/// <para>
/// A SendMessageBatch or DeleteMessageBatch refused as a whole for throttling (<see cref="SqsThrottling"/>) is sent
/// again, and so are the entries of a batch refused one by one for it, after an exponential backoff with full jitter
/// (a uniformly random wait up to the doubled ceiling, so that many throttled callers do not come back together), for
/// up to <see cref="ThrottleBackoffOptions.RetryWindow"/> or until the caller's token is cancelled. After that the
/// last answer is the caller's, as without this wrapper. Every other call and error passes straight through.
/// </para>
/// <para>
/// <see cref="Throttles"/> counts the throttling answers seen, for metrics and for the chunk concurrency limiter. The
/// AWS SDK retries throttling a few times itself before this wrapper sees it, so the count is of the throttling the
/// SDK could not absorb.
/// </para>
/// </remarks>
public sealed class ThrottleBackoffQueue : IMessageQueue
{
    private readonly IMessageQueue _inner;
    private readonly ThrottleBackoffOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private long _throttles;

    /// <param name="random">The source of jitter; <see cref="Random.Shared"/> unless a test scripts it.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ThrottleBackoffQueue(IMessageQueue inner, ThrottleBackoffOptions? options = null, TimeProvider? timeProvider = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _options = options ?? new ThrottleBackoffOptions();
        _options.Validate();
        _inner = inner;
        _time = timeProvider ?? TimeProvider.System;
        _random = random ?? Random.Shared;
    }

    public string Name => _inner.Name;

    public bool IsFifo => _inner.IsFifo;

    public string Arn => _inner.Arn;

    /// <summary>Throttling answers so far: whole requests, and batch entries.</summary>
    public long Throttles => Interlocked.Read(ref _throttles);

    /// <inheritdoc/>
    /// <remarks>Only the throttled entries are sent again; an entry still throttled when the window ends keeps its throttling outcome.</remarks>
    public async Task<IReadOnlyList<SendOutcome>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var startedAt = _time.GetTimestamp();
        SendOutcome[]? outcomes = null;
        List<int>? pending = null;
        for (var attempt = 1; ; attempt++)
        {
            IReadOnlyList<SendOutcome> answers;
            try
            {
                answers = await _inner.SendBatchAsync(pending is null ? messages : [.. pending.Select(i => messages[i])], cancellationToken);
            }
            catch (Exception ex) when (SqsThrottling.IsThrottling(ex))
            {
                Interlocked.Increment(ref _throttles);
                if (!InWindow(startedAt))
                {
                    throw;
                }

                await BackOffAsync(attempt, cancellationToken);
                continue;
            }

            // The usual case, nothing throttled on the first attempt, returns the answers as they are.
            if (outcomes is null && !answers.Any(SqsThrottling.IsThrottled))
            {
                return answers;
            }

            outcomes ??= new SendOutcome[messages.Count];
            var throttled = new List<int>();
            for (var i = 0; i < (pending?.Count ?? messages.Count); i++)
            {
                var index = pending?[i] ?? i;
                var answer = i < answers.Count ? answers[i] : new SendOutcome(null, "SendMessageBatch reported no result for this entry.");
                outcomes[index] = answer;
                if (SqsThrottling.IsThrottled(answer))
                {
                    throttled.Add(index);
                }
            }

            if (throttled.Count == 0)
            {
                return outcomes;
            }

            Interlocked.Add(ref _throttles, throttled.Count);
            if (!InWindow(startedAt))
            {
                return outcomes;
            }

            await BackOffAsync(attempt, cancellationToken);
            pending = throttled;
        }
    }

    /// <inheritdoc/>
    /// <remarks>A request refused as a whole for throttling is sent again; the handles it returns as not deleted are returned as they are.</remarks>
    public async Task<IReadOnlyList<string>> DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken)
    {
        var startedAt = _time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _inner.DeleteBatchAsync(receiptHandles, cancellationToken);
            }
            catch (Exception ex) when (SqsThrottling.IsThrottling(ex))
            {
                Interlocked.Increment(ref _throttles);
                if (!InWindow(startedAt))
                {
                    throw;
                }

                await BackOffAsync(attempt, cancellationToken);
            }
        }
    }

    public Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, TimeSpan waitTime, CancellationToken cancellationToken) =>
        _inner.ReceiveAsync(maxMessages, waitTime, cancellationToken);

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        _inner.ChangeVisibilityAsync(receiptHandle, visibilityTimeout, cancellationToken);

    public Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken) => _inner.GetCountsAsync(cancellationToken);

    public Task<TimeSpan> GetVisibilityTimeoutAsync(CancellationToken cancellationToken) => _inner.GetVisibilityTimeoutAsync(cancellationToken);

    private bool InWindow(long startedAt) => _time.GetElapsedTime(startedAt) < _options.RetryWindow;

    private Task BackOffAsync(int attempt, CancellationToken cancellationToken)
    {
        var ceiling = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        var delay = TimeSpan.FromMilliseconds(_random.NextDouble() * ceiling);
        return delay > TimeSpan.Zero ? Task.Delay(delay, _time, cancellationToken) : Task.CompletedTask;
    }
}
