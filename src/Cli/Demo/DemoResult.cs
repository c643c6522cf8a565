using GymCoach.Cli.Reports.Live;
using GymCoach.Embedded.EventSource;

namespace GymCoach.Cli.Demo;

/// <summary>Everything a finished demo run reports.</summary>
/// <param name="VisibilityTimeout">The writes queue's: how long each retry of a failed message waits.</param>
internal sealed record DemoResult(
    DemoOptions Options,
    Workload Workload,
    TimeSpan Elapsed,
    EventSourceStats Writes,
    EventSourceStats Analytics,
    long InjectedFailures,
    DemoCheck Check,
    PipelineSnapshot Series,
    TimeSpan VisibilityTimeout);
