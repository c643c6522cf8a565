using GymCoach.Cli.Backends;
using GymCoach.Cli.Commands;

namespace GymCoach.Benchmarks.Pipeline;

/// <summary>What <c>pipeline-throughput</c> measures: the backend, the workload's size and the history stored before it.</summary>
internal sealed record PipelineThroughputOptions
{
    public const string Usage = "pipeline-throughput [--backend embedded|local] [--users N] [--workouts N] [--history H] [--seed S]";

    /// <summary><c>embedded</c> or <c>local</c> (fauxqs and DynamoDB Local). Default embedded, as in the CLI.</summary>
    public string Backend { get; init; } = BackendOptions.Embedded;

    /// <summary>Users the workouts are spread over. Default 100.</summary>
    public int Users { get; init; } = 100;

    /// <summary>New workouts measured. Default 20,000.</summary>
    public int Workouts { get; init; } = 20_000;

    /// <summary>Workouts stored for every user before the measured ones, unmeasured. Default 0.</summary>
    public int History { get; init; }

    /// <summary>Seed of the workload (the history uses the next one). Default 42, as in the demo.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Reads the options; a bad or unknown one throws <see cref="UsageException"/>.</summary>
    public static PipelineThroughputOptions Read(IReadOnlyList<string> args)
    {
        var reader = new ArgumentReader(args, new HashSet<string>(StringComparer.Ordinal));
        var options = new PipelineThroughputOptions
        {
            Backend = reader.Choice("backend", BackendOptions.Embedded, BackendOptions.Embedded, BackendOptions.Local),
            Users = reader.Int("users", 100, 1, 100_000),
            Workouts = reader.Int("workouts", 20_000, 1, 10_000_000),
            History = reader.Int("history", 0, 0, 100_000),
            Seed = reader.Int("seed", 42, 0, int.MaxValue - 1),
        };
        reader.EnsureAllUsed();
        return (long)options.Users * options.History <= 10_000_000
            ? options
            : throw new UsageException($"--users × --history must be at most 10,000,000, was {(long)options.Users * options.History:N0}");
    }
}
