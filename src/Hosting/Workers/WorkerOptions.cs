using GymCoach.Workers.Batching;

namespace GymCoach.Hosting.Workers;

/// <summary>How to compose one worker function.</summary>
public sealed record WorkerOptions
{
    public required WorkerKind Worker { get; init; }

    /// <summary>The queue the worker consumes: the <c>QueueName</c> of its metrics and of its concurrency log lines.</summary>
    public required string QueueName { get; init; }

    /// <summary>The batch processor's settings; default <see cref="BatchProcessorOptions"/> (chunks of 100, 5 at once).</summary>
    public BatchProcessorOptions Processor { get; init; } = new();

    /// <summary>Diagnostics: the function throws, failing the whole invocation, for an event holding this message id; null (default) for none.</summary>
    public string? FailMessageId { get; init; }

    /// <summary>A wrapper around the handler (the demo injects failures with it); null (default) runs the handler as it is.</summary>
    public Func<IMessageHandler, IMessageHandler>? DecorateHandler { get; init; }
}
