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
}
