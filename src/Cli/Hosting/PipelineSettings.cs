using GymCoach.Workers.Batching;
using GymCoach.Workers.EventSource;
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

    public BatchProcessorOptions Processor { get; init; } = new();

    /// <summary>A wrapper around each worker's handler (the demo injects failures with it); null runs the handlers as they are.</summary>
    public Func<IMessageHandler, IMessageHandler>? DecorateHandler { get; init; }

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
