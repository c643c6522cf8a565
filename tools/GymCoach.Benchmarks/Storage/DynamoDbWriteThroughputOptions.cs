using GymCoach.Cli.Commands;

namespace GymCoach.Benchmarks.Storage;

/// <summary>What <c>dynamodb-write-throughput</c> measures: how many items, in calls of how many, how many calls at once.</summary>
internal sealed record DynamoDbWriteThroughputOptions
{
    public const string Usage = "dynamodb-write-throughput [--items 2000] [--chunk 100] [--concurrency 5] [--warmup 500]";

    /// <summary>Items written by each case. Default 2,000.</summary>
    public int Items { get; init; } = 2_000;

    /// <summary>Items per <c>WriteAsync</c> call, as a worker's chunk. Default 100.</summary>
    public int ChunkSize { get; init; } = 100;

    /// <summary>Calls in flight at once. Default 5.</summary>
    public int Concurrency { get; init; } = 5;

    /// <summary>Unmeasured items written by each path first, so the JVM and the CLR have loaded what it runs. Default 500.</summary>
    public int WarmupItems { get; init; } = 500;

    /// <summary>Reads the options; a bad or unknown one throws <see cref="UsageException"/>.</summary>
    public static DynamoDbWriteThroughputOptions Read(IReadOnlyList<string> args)
    {
        var reader = new ArgumentReader(args, new HashSet<string>(StringComparer.Ordinal));
        var options = new DynamoDbWriteThroughputOptions
        {
            Items = reader.Int("items", 2_000, 1, 1_000_000),
            ChunkSize = reader.Int("chunk", 100, 1, 10_000),
            Concurrency = reader.Int("concurrency", 5, 1, 256),
            WarmupItems = reader.Int("warmup", 500, 0, 100_000),
        };
        reader.EnsureAllUsed();
        return options;
    }
}
