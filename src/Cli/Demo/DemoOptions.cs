using GymCoach.Cli.Backends;
using GymCoach.Cli.Hosting;

namespace GymCoach.Cli.Demo;

/// <summary>What <c>gymcoach demo</c> runs: the workload's size and shape and the failures injected into it.</summary>
internal sealed record DemoOptions
{
    /// <summary>Users in the workload. Default 200.</summary>
    public int Users { get; init; } = 200;

    /// <summary>Workouts logged in the workload (before duplicates). Default 20,000.</summary>
    public int Workouts { get; init; } = 20_000;

    /// <summary>Chance that a worker fails a message transiently on its first deliveries, 0–0.9. Default 0.</summary>
    public double FailureRate { get; init; }

    /// <summary>Seed of the workload and of the injected failures: the same seed gives the same workload. Default 42.</summary>
    public int Seed { get; init; } = 42;

    public string Backend { get; init; } = "embedded";

    /// <summary>The workers' function timeout: each invocation's deadline. Default 30 s, as in the template.</summary>
    /// <remarks><c>gymcoach demo</c> defaults to <see cref="EmbeddedFunctionTimeout"/> on the embedded backend.</remarks>
    public TimeSpan FunctionTimeout { get; init; } = PipelineSettings.DefaultFunctionTimeout;

    /// <summary>
    /// The demo's function timeout on the embedded backend: 10 s. Its invocations take at most about 1.5 s here (p99,
    /// 5.2 s on a heavily loaded machine), so 10 s still leaves the processor 7 s to start messages, while every retry
    /// of an injected failure waits one visibility timeout: 11 s instead of 31 s. Over a network (local, aws) the
    /// template's 30 s stays, as invocations there can take many seconds.
    /// </summary>
    public static readonly TimeSpan EmbeddedFunctionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The function timeout <c>gymcoach demo</c> uses on <paramref name="backend"/> unless told otherwise.</summary>
    public static TimeSpan DefaultFunctionTimeout(string backend) =>
        backend == BackendOptions.Embedded ? EmbeddedFunctionTimeout : PipelineSettings.DefaultFunctionTimeout;
}
