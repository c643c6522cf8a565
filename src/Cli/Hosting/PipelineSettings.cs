using GymCoach.Workers.Batching;
using GymCoach.Workers.EventSource;

namespace GymCoach.Cli.Hosting;

/// <summary>How the local pipeline drives its two workers: the same values the template gives the event source mappings.</summary>
internal sealed record PipelineSettings
{
    public EventSourceOptions Writes { get; init; } = new();

    public EventSourceOptions Analytics { get; init; } = new();

    public BatchProcessorOptions Processor { get; init; } = new();

    /// <summary>A wrapper around each worker's handler (the demo injects failures with it); null runs the handlers as they are.</summary>
    public Func<IMessageHandler, IMessageHandler>? DecorateHandler { get; init; }
}
