using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Aws.DynamoDb;
using GymCoach.Cli.Commands;
using GymCoach.Cli.Emulators;
using GymCoach.Contracts.Storage;

namespace GymCoach.Benchmarks.Storage;

/// <summary>
/// Items per second of <see cref="DynamoDbItemStore.WriteAsync"/> (BatchWriteItem of 25, TransactWriteItems of 100, or
/// concurrent conditional PutItems) against a naive loop of one PutItem per item, in one run on one DynamoDB Local.
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project tools/GymCoach.Benchmarks -- dynamodb-write-throughput [--items 2000] [--chunk 100] [--concurrency 5]</c>.
/// Prints each case's items per second and its ratio to the naive loop, and the store's request statistics. Exits 1
/// when an item was not written, or the store had to retry on an idle local table. Was a test of the integration
/// suite; its figures vary with the machine, so only the benchmark reports them.
/// </remarks>
internal static class DynamoDbWriteThroughput
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out);

    /// <summary>Runs the benchmark and writes its report to <paramref name="output"/>; progress goes to standard error.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        DynamoDbWriteThroughputOptions options;
        try
        {
            options = DynamoDbWriteThroughputOptions.Read(args);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"dynamodb-write-throughput: {ex.Message}\nusage: {DynamoDbWriteThroughputOptions.Usage}");
            return ExitCodes.BadArguments;
        }

        await Console.Error.WriteLineAsync("dynamodb-write-throughput: starting DynamoDB Local");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var server = await DynamoDbLocalServer.StartAsync(null, timeout.Token);
        using var client = DynamoDbClientFactory.Create(server.ClientSettings);
        var provisioner = new DynamoDbTableProvisioner(client);
        var table = "bench-" + Guid.NewGuid().ToString("N")[..12];
        await provisioner.EnsureTableAsync(table, pointInTimeRecovery: false, CancellationToken.None);
        try
        {
            return await MeasureAsync(client, table, options, output);
        }
        finally
        {
            await provisioner.DeleteTableAsync(table, CancellationToken.None);
        }
    }

    private static async Task<int> MeasureAsync(IAmazonDynamoDB client, string table, DynamoDbWriteThroughputOptions options, TextWriter output)
    {
        var store = new DynamoDbItemStore(client, new DynamoDbStoreOptions { TableName = table, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(200) });
        var puts = new DynamoDbItemStore(client, new DynamoDbStoreOptions { TableName = table, ConditionalWrites = ConditionalWriteMode.Puts });
        var cases = new (string Name, Func<int, Task<int>> Run)[]
        {
            // The baseline first: every ratio is against it, measured in the same run on the same table.
            ("naive PutItem loop", count => PutEachAsync(client, table, conditional: false, count)),
            ("naive conditional PutItem loop", count => PutEachAsync(client, table, conditional: true, count)),
            ("WriteAsync unconditional (BatchWriteItem x25)", count => StoreAsync(store, WriteCondition.None, count, options)),
            ("WriteAsync IfNotExists (TransactWriteItems)", count => StoreAsync(store, WriteCondition.IfNotExists, count, options)),
            ("WriteAsync IfNotExists (concurrent PutItem)", count => StoreAsync(puts, WriteCondition.IfNotExists, count, options)),
        };

        await output.WriteLineAsync(Text($"{options.Items} items of about 600 bytes, WriteAsync calls of {options.ChunkSize}, {options.Concurrency} at once"));
        await output.WriteLineAsync(Text($"{"case",-46} {"seconds",8} {"items/s",9} {"× naive",8}"));
        var notWritten = 0;
        double? baseline = null;
        foreach (var (name, run) in cases)
        {
            if (options.WarmupItems > 0)
            {
                notWritten += await run(options.WarmupItems);
            }

            var started = Stopwatch.GetTimestamp();
            notWritten += await run(options.Items);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var rate = options.Items / seconds;
            baseline ??= rate;
            await output.WriteLineAsync(Text($"{name,-46} {seconds,8:F2} {rate,9:F0} {rate / baseline,8:F1}"));
        }

        var statistics = Combine(store.Statistics, puts.Statistics);
        await output.WriteLineAsync($"store statistics: {statistics}");
        if (notWritten > 0 || statistics.Retries > 0)
        {
            await Console.Error.WriteLineAsync(Text($"dynamodb-write-throughput: {notWritten} items not written, {statistics.Retries} retries on an idle local table"));
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    /// <summary>Writes <paramref name="count"/> items through the store, a bounded number of calls at once; returns how many were not written.</summary>
    private static async Task<int> StoreAsync(DynamoDbItemStore store, WriteCondition condition, int count, DynamoDbWriteThroughputOptions options)
    {
        var notWritten = 0;
        var writes = Workload(count).Select(item => new ItemWrite(item, condition)).Chunk(options.ChunkSize);
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (chunk, token) =>
        {
            var results = await store.WriteAsync(chunk, token);
            Interlocked.Add(ref notWritten, results.Count(result => !result.Written));
        });
        return notWritten;
    }

    private static async Task<int> PutEachAsync(IAmazonDynamoDB client, string table, bool conditional, int count)
    {
        foreach (var item in Workload(count))
        {
            var request = new PutItemRequest { TableName = table, Item = ItemAttributes.From(item) };
            if (conditional)
            {
                request.ConditionExpression = "attribute_not_exists(pk)";
            }

            await client.PutItemAsync(request, CancellationToken.None);
        }

        return 0;
    }

    // Fifty users' workouts of about 600 bytes each, like the writes worker's; new keys on every call.
    private static IEnumerable<StoredItem> Workload(int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var data = "{\"sets\":\"" + new string('x', 600) + "\"}";
        return Enumerable.Range(0, count).Select(i => new StoredItem
        {
            PartitionKey = $"USER#{run}-{i % 50:D2}",
            SortKey = $"WORKOUT#{i:D6}",
            Data = data,
            Version = 1,
        });
    }

    private static DynamoDbStoreStatistics Combine(DynamoDbStoreStatistics a, DynamoDbStoreStatistics b) => new(
        a.Requests + b.Requests, a.Retries + b.Retries, a.Throttles + b.Throttles, a.UnprocessedItems + b.UnprocessedItems, a.TransactionConflicts + b.TransactionConflicts);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
