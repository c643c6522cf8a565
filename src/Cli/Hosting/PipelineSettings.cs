using GymCoach.Embedded.EventSource;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Queueing;

namespace GymCoach.Cli.Hosting;

/// <summary>How the local pipeline drives its two workers: the same values the template gives the event source mappings.</summary>
internal sealed record PipelineSettings
{
    /// <summary>The template's function timeout, 30 s: the default on every backend.</summary>
    public static readonly TimeSpan DefaultFunctionTimeout = QueueDefinitions.FunctionTimeout;

    /// <summary>The local event source mappings' batching window (the template's is 10 s; locally batches fill faster).</summary>
    public static readonly TimeSpan BatchingWindow = TimeSpan.FromSeconds(1);

    /// <summary>The visibility timeout the embedded and local queues get unless told otherwise: 31 s, for the default function timeout.</summary>
    public static readonly TimeSpan DefaultVisibilityTimeout = VisibilityTimeoutFor(DefaultFunctionTimeout);

    public EventSourceOptions Writes { get; init; } = new();

    public EventSourceOptions Analytics { get; init; } = new();

    /// <summary>The writes worker's batch processor: the design's chunks of 100, 5 at once.</summary>
    public BatchProcessorOptions Processor { get; init; } = new();

    /// <summary>The analytics worker's batch processor; default <see cref="AnalyticsProcessorOptions"/>.</summary>
    public BatchProcessorOptions AnalyticsProcessor { get; init; } = AnalyticsProcessorOptions();

    /// <summary>A wrapper around each worker's handler (the demo injects failures with it); null runs the handlers as they are.</summary>
    public Func<IMessageHandler, IMessageHandler>? DecorateHandler { get; init; }

    /// <summary>Chunks of 1,000 recompute requests: a fold costs one write of the analytics item per user per chunk, so larger chunks fold more workouts per write.</summary>
    /// <remarks>
    /// Handling a request is only noting its user and workout ids; the work is per user, at the chunk's end. Measured on
    /// the local backend (100 users, 20,000 workouts): chunks of 100 made 0.44 folds per workout, chunks of 1,000 about
    /// 0.04–0.07. The template gives the analytics function the same (<c>GYMCOACH_CHUNK_SIZE</c>).
    /// </remarks>
    public static BatchProcessorOptions AnalyticsProcessorOptions() => new() { ChunkSize = 1_000 };

    /// <summary>The shortest visibility timeout that never lets a message be delivered again while an invocation holding it may run.</summary>
    /// <remarks>
    /// A message is hidden from its receive on: through the batching window, then the invocation, which ends by the
    /// function timeout. AWS advises 6 × the function timeout + the window because the service retries throttled
    /// invocations of a received batch; the local runner invokes directly, so once suffices, and failed messages come
    /// back as soon as that allows.
    /// </remarks>
    public static TimeSpan VisibilityTimeoutFor(TimeSpan functionTimeout) => functionTimeout + BatchingWindow;

    /// <summary>The event source defaults (batches of 500, 2 concurrent invocations per worker) with the given function timeout.</summary>
    public static PipelineSettings WithFunctionTimeout(TimeSpan functionTimeout) => new()
    {
        Writes = new EventSourceOptions { MaximumBatchingWindow = BatchingWindow, FunctionTimeout = functionTimeout },
        Analytics = new EventSourceOptions { MaximumBatchingWindow = BatchingWindow, FunctionTimeout = functionTimeout },
    };
}
