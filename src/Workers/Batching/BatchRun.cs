using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Batching;

/// <summary>One invocation's work: workers take units from the plan until none is left, recording each record's status.</summary>
/// <remarks>
/// Each record's status is written by the one worker that owns its unit and read only after every worker finished.
/// A status starts as <see cref="MessageStatus.NotStarted"/> and becomes <see cref="MessageStatus.Succeeded"/> only
/// after the chunk's completion accepted it, so anything that stops a worker early leaves failures, never successes.
/// Every chunk passes the run's <see cref="ChunkGate"/> first, so no more chunks run at once than the limiter allows.
/// </remarks>
internal sealed class BatchRun
{
    private readonly long _stopStartingAt;
    private readonly ChunkGate _gate;
    private int _nextUnit;
    private int _stopped;

    public BatchRun(
        IReadOnlyList<SqsMessage> records,
        BatchPlan plan,
        IMessageHandler handler,
        ChunkSettings settings,
        long stopStartingAt,
        CancellationToken cancellationToken)
    {
        Records = records;
        Plan = plan;
        Handler = handler;
        Settings = settings;
        _stopStartingAt = stopStartingAt;
        CancellationToken = cancellationToken;
        Status = new MessageStatus[records.Count];
        _gate = new ChunkGate(settings.Concurrency);
    }

    public IReadOnlyList<SqsMessage> Records { get; }

    public BatchPlan Plan { get; }

    public IMessageHandler Handler { get; }

    public ChunkSettings Settings { get; }

    /// <summary>Cancelled by the caller, or at half the safety margin before the deadline.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The status of every record, by its index in the event.</summary>
    public MessageStatus[] Status { get; }

    /// <summary>True when the deadline or cancellation kept at least one chunk or message from starting.</summary>
    public bool StoppedEarly => Volatile.Read(ref _stopped) != 0;

    public async Task RunAsync(int maxWorkers)
    {
        var workers = Math.Min(maxWorkers, Plan.UnitCount);
        if (workers <= 1)
        {
            await RunWorkerAsync();
            return;
        }

        // Workers beyond the first go to the thread pool so CPU-bound parsing uses every core; this one runs inline.
        var tasks = new Task[workers];
        Func<Task> worker = RunWorkerAsync;
        for (var i = 1; i < workers; i++)
        {
            tasks[i] = Task.Run(worker, CancellationToken.None);
        }

        tasks[0] = RunWorkerAsync();
        await Task.WhenAll(tasks);
    }

    private async Task RunWorkerAsync()
    {
        int unit;
        while ((unit = Interlocked.Increment(ref _nextUnit) - 1) < Plan.UnitCount)
        {
            try
            {
                await RunUnitAsync(unit);
            }
            catch (Exception ex)
            {
                // Unreachable unless an observer or logger throws; the unit's unsettled records stay failures.
                Settings.Logger.Error(ex, "Chunk {ChunkIndex} stopped unexpectedly", Plan.FirstChunkIndex(unit));
            }
        }
    }

    private async Task RunUnitAsync(int unit)
    {
        var end = Plan.UnitEnd(unit);
        var chunkIndex = Plan.FirstChunkIndex(unit);
        for (var start = Plan.UnitStart(unit); start < end; start += Settings.ChunkSize, chunkIndex++)
        {
            var clean = await RunChunkAsync(chunkIndex, start, Math.Min(Settings.ChunkSize, end - start));
            if (!clean && Plan.Ordered)
            {
                // FIFO: nothing after a failure in a group may start; its later messages stay NotStarted.
                return;
            }
        }
    }

    private async Task<bool> RunChunkAsync(int chunkIndex, int start, int length)
    {
        await _gate.EnterAsync();
        var sample = Settings.Concurrency.Begin();
        var clean = false;
        try
        {
            clean = await ChunkRunner.RunAsync(this, chunkIndex, start, length);
            return clean;
        }
        finally
        {
            // The limit is adjusted before the slot is handed on, so the next chunk already starts under it.
            Settings.Concurrency.End(sample, clean);
            _gate.Leave();
        }
    }

    /// <summary>Whether a new message may start: not cancelled and enough time left before the deadline.</summary>
    public bool CanStart()
    {
        if (!CancellationToken.IsCancellationRequested && Settings.TimeProvider.GetTimestamp() <= _stopStartingAt)
        {
            return true;
        }

        Volatile.Write(ref _stopped, 1);
        return false;
    }
}
