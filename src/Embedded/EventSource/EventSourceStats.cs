using GymCoach.Workers.Metrics;

namespace GymCoach.Embedded.EventSource;

/// <summary>Live counters of one event-source runner, readable while it runs.</summary>
public sealed class EventSourceStats
{
    private long _invocations;
    private long _failedInvocations;
    private long _received;
    private long _deleted;
    private long _reportedFailures;
    private long _redeliveries;
    private long _deleteFailures;
    private long _timedOutInvocations;
    private int _inFlightInvocations;
    private int _runningPastTimeout;

    /// <summary>Invocations made, including failed ones.</summary>
    public long Invocations => Interlocked.Read(ref _invocations);

    /// <summary>Invocations that threw or returned an invalid response: their whole batch is retried.</summary>
    public long FailedInvocations => Interlocked.Read(ref _failedInvocations);

    /// <summary>Invocations that had not returned at the function timeout (counted in <see cref="FailedInvocations"/> too).</summary>
    public long TimedOutInvocations => Interlocked.Read(ref _timedOutInvocations);

    /// <summary>Timed-out invocations whose work has not ended yet: no longer awaited, their token cancelled, their batch already given up.</summary>
    public int RunningPastTimeout => Volatile.Read(ref _runningPastTimeout);

    public long MessagesReceived => Interlocked.Read(ref _received);

    /// <summary>Messages the function succeeded with, deleted from the queue.</summary>
    public long MessagesDeleted => Interlocked.Read(ref _deleted);

    /// <summary>Messages the function reported in batchItemFailures, left to the visibility timeout.</summary>
    public long MessagesReportedFailed => Interlocked.Read(ref _reportedFailures);

    /// <summary>Received messages with ApproximateReceiveCount above 1.</summary>
    public long Redeliveries => Interlocked.Read(ref _redeliveries);

    /// <summary>Deletes the queue refused (the message will be delivered again; handlers are idempotent).</summary>
    public long DeleteFailures => Interlocked.Read(ref _deleteFailures);

    /// <summary>Batches received and not yet settled (invoking, or deleting after the invocation).</summary>
    public int InFlightInvocations => Volatile.Read(ref _inFlightInvocations);

    /// <summary>Time from a message's SentTimestamp to its deletion after success.</summary>
    public LatencyHistogram EndToEndLatency { get; } = new();

    /// <summary>Duration of each invocation of the function.</summary>
    public LatencyHistogram InvocationDuration { get; } = new();

    internal void InvocationStarted(int messages, int redeliveries)
    {
        Interlocked.Increment(ref _inFlightInvocations);
        Interlocked.Increment(ref _invocations);
        Interlocked.Add(ref _received, messages);
        Interlocked.Add(ref _redeliveries, redeliveries);
    }

    internal void InvocationEnded(TimeSpan duration) => InvocationDuration.Record(duration);

    internal void WholeBatchRetried() => Interlocked.Increment(ref _failedInvocations);

    internal void TimedOut() => Interlocked.Increment(ref _timedOutInvocations);

    internal void AbandonedInvocationStarted() => Interlocked.Increment(ref _runningPastTimeout);

    internal void AbandonedInvocationEnded() => Interlocked.Decrement(ref _runningPastTimeout);

    /// <summary>The batch is settled: successes deleted, failures left to the visibility timeout.</summary>
    internal void BatchSettled() => Interlocked.Decrement(ref _inFlightInvocations);

    internal void Reported(int failures) => Interlocked.Add(ref _reportedFailures, failures);

    internal void Deleted(int count) => Interlocked.Add(ref _deleted, count);

    internal void DeleteFailed(int count) => Interlocked.Add(ref _deleteFailures, count);
}
