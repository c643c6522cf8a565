using System.Globalization;
using System.Runtime;
using GymCoach.Cli.Commands;
using GymCoach.Embedded.Storage;

namespace GymCoach.Benchmarks.Reads;

/// <summary>
/// Read latency of <c>GET /v1/users/{userId}/analytics</c> on the real Kestrel host, measured open-loop: a fixed request
/// rate, user ids drawn from a Zipf distribution, each cache policy in turn on the same store and request sequence.
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project tools/GymCoach.Benchmarks -- read-latency [--rate 2000] [--seconds 30] [--users 10000] [--zipf 1.1] [--cache-capacity 1000] [--policy lru|lfu|both]</c>.
/// Prints p50, p99, p99.9 and the longest latency, the achieved rate, the cache hit rate beside the best any cache of
/// that capacity could reach (the share of requests to the most popular users), and the collections during the run.
/// The client runs in the same process as the API, so the collections counted are both's. Exits 1 when a request failed.
/// </remarks>
internal static class ReadLatency
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out);

    /// <summary>Runs the benchmark and writes its report to <paramref name="output"/>; progress goes to standard error.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ReadLatencyOptions options;
        try
        {
            options = ReadLatencyOptions.Read(args);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"read-latency: {ex.Message}\nusage: {ReadLatencyOptions.Usage}");
            return ExitCodes.BadArguments;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        using var gcPauses = new GcPauseListener();
        var store = new EmbeddedItemStore();
        await Console.Error.WriteLineAsync(Text($"read-latency: storing the analytics of {options.Users:N0} users ({options.WorkoutsPerUser} workouts each)"));
        var prefill = await AnalyticsPrefill.StoreAsync(store, options.Users, options.WorkoutsPerUser, options.Seed, cancel.Token);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        var zipf = new ZipfDistribution(options.Users, options.ZipfExponent);
        var random = new Random(options.Seed);
        var warmup = Sequence(zipf, random, options.Rate * options.WarmupSeconds);
        var measured = Sequence(zipf, random, options.Rate * options.Seconds);
        var measurement = new PolicyMeasurement(store, prefill.UserIds, options, gcPauses);
        var figures = new List<PolicyFigures>();
        try
        {
            if (warmup.Length > 0)
            {
                await Console.Error.WriteLineAsync(Text($"read-latency: settling the process ({warmup.Length:N0} requests, unmeasured)"));
                await measurement.SettleProcessAsync(warmup, cancel.Token);
            }

            foreach (var policy in options.Policies)
            {
                figures.Add(await measurement.MeasureAsync(policy, warmup, measured, cancel.Token));
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("read-latency: cancelled");
            return ExitCodes.Failure;
        }

        ReadLatencyReport.Write(options, prefill.MeanDocumentBytes, zipf.TopShare(options.CacheCapacity), figures, output);
        return figures.All(f => f.Failures == 0) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static int[] Sequence(ZipfDistribution zipf, Random random, int count)
    {
        var sequence = new int[count];
        for (var i = 0; i < count; i++)
        {
            sequence[i] = zipf.Sample(random);
        }

        return sequence;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The garbage collector's configuration, which the figures depend on.</summary>
    internal static string GcMode() => Text(
        $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {(GCSettings.LatencyMode)}, {Environment.ProcessorCount} processors");
}
