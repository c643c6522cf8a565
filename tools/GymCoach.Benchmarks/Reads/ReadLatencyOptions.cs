using GymCoach.Cli.Commands;
using GymCoach.Workers.Caching;

namespace GymCoach.Benchmarks.Reads;

/// <summary>What <c>read-latency</c> measures: the request rate and duration, the users and their popularity, the cache.</summary>
internal sealed record ReadLatencyOptions
{
    public const string Usage = "read-latency [--rate 2000] [--seconds 30] [--warmup 5] [--users 10000] [--zipf 1.1] [--cache-capacity 1000] [--policy lru|lfu|both] [--workouts-per-user 20] [--seed 42]";

    /// <summary>Requests started per second, on a fixed timeline whatever the answers take. Default 2,000.</summary>
    public int Rate { get; init; } = 2_000;

    /// <summary>How long the measured phase lasts. Default 30 s, as in issue 13.</summary>
    public int Seconds { get; init; } = 30;

    /// <summary>Unmeasured seconds at the same rate first, so the cache is full and the code jitted. Default 5.</summary>
    public int WarmupSeconds { get; init; } = 5;

    /// <summary>Users with stored analytics, all of them requestable. Default 10,000.</summary>
    public int Users { get; init; } = 10_000;

    /// <summary>Exponent s of the Zipf distribution the user ids are drawn from (0 is uniform). Default 1.1.</summary>
    public double ZipfExponent { get; init; } = 1.1;

    /// <summary>The analytics cache's capacity. Default 1,000, as <see cref="CacheOptions.Capacity"/>.</summary>
    public int CacheCapacity { get; init; } = 1_000;

    /// <summary>The policies measured, one after the other on the same store and request sequence. Default both.</summary>
    public IReadOnlyList<CachePolicy> Policies { get; init; } = [CachePolicy.Lru, CachePolicy.Lfu];

    /// <summary>Workouts generated per user for the stored analytics; 20 makes documents of about 6 KB, as the issue measured. Default 20.</summary>
    public int WorkoutsPerUser { get; init; } = 20;

    /// <summary>Seed of the workouts and of the request sequence. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Reads the options; a bad or unknown one throws <see cref="UsageException"/>.</summary>
    public static ReadLatencyOptions Read(IReadOnlyList<string> args)
    {
        var reader = new ArgumentReader(args, new HashSet<string>(StringComparer.Ordinal));
        var options = new ReadLatencyOptions
        {
            Rate = reader.Int("rate", 2_000, 1, 100_000),
            Seconds = reader.Int("seconds", 30, 1, 3_600),
            WarmupSeconds = reader.Int("warmup", 5, 0, 600),
            Users = reader.Int("users", 10_000, 1, 1_000_000),
            ZipfExponent = reader.Double("zipf", 1.1, 0, 5),
            CacheCapacity = reader.Int("cache-capacity", 1_000, CacheOptions.MinimumCapacity, 1_000_000),
            Policies = reader.Choice("policy", "both", "lru", "lfu", "both") switch
            {
                "lru" => [CachePolicy.Lru],
                "lfu" => [CachePolicy.Lfu],
                _ => [CachePolicy.Lru, CachePolicy.Lfu],
            },
            WorkoutsPerUser = reader.Int("workouts-per-user", 20, 1, 10_000),
            Seed = reader.Int("seed", 42, 0, int.MaxValue - 1),
        };
        reader.EnsureAllUsed();
        return (long)options.Users * options.WorkoutsPerUser <= 5_000_000
            ? options
            : throw new UsageException($"--users × --workouts-per-user must be at most 5,000,000, was {(long)options.Users * options.WorkoutsPerUser:N0}");
    }
}
