using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Batching.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GymCoach.Workers.Tests.Batching;

/// <summary>A processor on a manual clock with a recording dead-letter queue and observer; the deadline is far unless given.</summary>
internal sealed class ProcessorHarness(BatchProcessorOptions? options = null, bool withDeadLetterQueue = true)
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero));

    public RecordingQueue DeadLetterQueue { get; } = new();

    public RecordingObserver Observer { get; } = new();

    public ScriptedHandler Handler { get; } = new();

    /// <summary>The processors' limiter; null gives each processor one that sees no throttling.</summary>
    public ChunkConcurrencyLimiter? Concurrency { get; init; }

    public BatchProcessor CreateProcessor() =>
        new(options ?? new BatchProcessorOptions(), withDeadLetterQueue ? DeadLetterQueue : null, Time, Observer, concurrency: Concurrency);

    /// <summary>Processes with <paramref name="timeLeft"/> (default 10 minutes) before the deadline and checks the outcome's invariants.</summary>
    public async Task<BatchOutcome> RunAsync(SqsEvent sqsEvent, TimeSpan? timeLeft = null, CancellationToken cancellationToken = default)
    {
        var deadline = Time.GetUtcNow() + (timeLeft ?? TimeSpan.FromMinutes(10));
        var outcome = await CreateProcessor().ProcessAsync(sqsEvent, Handler, deadline, cancellationToken);
        BatchAssert.WellFormed(sqsEvent, outcome);
        return outcome;
    }
}
