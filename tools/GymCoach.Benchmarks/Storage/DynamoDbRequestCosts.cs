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
/// What each kind of request the two consumers of <c>pipeline-throughput</c> make costs DynamoDB Local in CPU time, per
/// item, and what that allows each consumer at most: the ceiling of the pipeline / hand-written ratio on this emulator.
/// </summary>
/// <remarks>
/// <para>Run: <c>dotnet run -c Release --project tools/GymCoach.Benchmarks -- dynamodb-request-costs [--calls 200] [--warmup 20] [--concurrency 4] [--workouts-per-fold 14] [--updates-per-message 0.955]</c>.</para>
/// <para>Each case keeps <c>--concurrency</c> requests in flight and charges the JVM's CPU time to them: in
/// <c>pipeline-throughput</c> DynamoDB Local is the bottleneck (one core busy while the others wait), so its CPU time per
/// item, not a request's latency, is what limits either consumer. The model then adds up a new workout on each side:
/// the pipeline's conditional write, its read and its mark, and its share of a fold (the analytics item read and
/// swapped once per <c>--workouts-per-fold</c> workouts); the hand-written consumer's unconditional write and its
/// UpdateItem per user per batch (<c>--updates-per-message</c>). Both defaults are what <c>pipeline-throughput --backend
/// local</c> counts at 100 users.</para>
/// </remarks>
internal static class DynamoDbRequestCosts
{
    private const string Usage = "dynamodb-request-costs [--calls 200] [--warmup 20] [--concurrency 4] [--workouts-per-fold 14] [--updates-per-message 0.955]";

    public static async Task<int> RunAsync(string[] args)
    {
        int calls, warmup, concurrency;
        double workoutsPerFold, updatesPerMessage;
        try
        {
            var reader = new ArgumentReader(args, new HashSet<string>(StringComparer.Ordinal));
            calls = reader.Int("calls", 200, 1, 100_000);
            warmup = reader.Int("warmup", 20, 0, 10_000);
            concurrency = reader.Int("concurrency", 4, 1, 64);
            workoutsPerFold = reader.Int("workouts-per-fold", 14, 1, 10_000);
            updatesPerMessage = reader.Double("updates-per-message", 0.955, 0, 100);
            reader.EnsureAllUsed();
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"dynamodb-request-costs: {ex.Message}\nusage: {Usage}");
            return ExitCodes.BadArguments;
        }

        await Console.Error.WriteLineAsync("dynamodb-request-costs: starting DynamoDB Local");
        await using var server = await DynamoDbLocalServer.StartAsync(null, CancellationToken.None);
        using var client = DynamoDbClientFactory.Create(server.ClientSettings);
        var provisioner = new DynamoDbTableProvisioner(client);
        var table = "costs-" + Guid.NewGuid().ToString("N")[..12];
        await provisioner.EnsureTableAsync(table, pointInTimeRecovery: false, CancellationToken.None);
        var store = new DynamoDbItemStore(client, new DynamoDbStoreOptions { TableName = table });
        var costs = await MeasureAsync(client, server, store, table, calls, warmup, concurrency);

        Console.WriteLine(Text($"DynamoDB Local, {calls} measured requests per case, {concurrency} in flight; CPU = the JVM's CPU time"));
        Console.WriteLine(Text($"{"request",-62} {"wall ms/request",15} {"CPU ms/item",12}"));
        foreach (var (name, wallPerRequest, cpuPerItem) in costs.Rows)
        {
            Console.WriteLine(Text($"{name,-62} {wallPerRequest,15:F3} {cpuPerItem,12:F3}"));
        }

        var pipeline = costs.ConditionalItem + costs.ReadItem + costs.BatchItem + ((costs.AnalyticsSwap + costs.AnalyticsRead) / workoutsPerFold);
        var handWritten = costs.BatchItem + (updatesPerMessage * costs.Update);
        Console.WriteLine();
        Console.WriteLine(Text($"pipeline, per new workout      {pipeline:F3} CPU ms: conditional write {costs.ConditionalItem:F3} + read {costs.ReadItem:F3} + mark {costs.BatchItem:F3} + (analytics swap {costs.AnalyticsSwap:F3} + read {costs.AnalyticsRead:F3}) / {workoutsPerFold}"));
        Console.WriteLine(Text($"hand-written, per message      {handWritten:F3} CPU ms: unconditional write {costs.BatchItem:F3} + {updatesPerMessage} × UpdateItem {costs.Update:F3}"));
        Console.WriteLine(Text($"ceiling of pipeline / hand-written on this emulator, both at full use of its core: {handWritten / pipeline:F2}×"));
        await provisioner.DeleteTableAsync(table, CancellationToken.None);
        return ExitCodes.Success;
    }

    private static async Task<Costs> MeasureAsync(AmazonDynamoDBClient client, DynamoDbLocalServer server, DynamoDbItemStore store, string table, int calls, int warmup, int concurrency)
    {
        var workout = "{\"sets\":\"" + new string('x', 780) + "\"}";
        var analytics = "{\"weekly\":\"" + new string('x', 8_600) + "\"}";
        var serial = 0;
        List<ItemWrite> Workouts(WriteCondition condition)
        {
            var batch = Interlocked.Increment(ref serial);
            return [.. Enumerable.Range(0, 100).Select(i => new ItemWrite(new StoredItem { PartitionKey = $"USER#{i}", SortKey = $"WORKOUT#{batch}-{i}", Data = workout }, condition))];
        }

        var stored = Workouts(WriteCondition.None);
        await store.WriteAsync(stored, CancellationToken.None);
        var storedKeys = stored.ConvertAll(write => ItemKey.Of(write.Item));
        var revision = 0L;

        // (wall ms per request, CPU ms per request) with `concurrency` requests in flight.
        async Task<(double Wall, double Cpu)> TimeAsync(Func<int, Task> request)
        {
            await Parallel.ForAsync(0, warmup, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await request(i));
            var cpu = server.ProcessorTime;
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForAsync(0, calls, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await request(i));
            var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds * concurrency / calls;
            return (wall, (server.ProcessorTime - cpu).TotalMilliseconds / calls);
        }

        var conditional = await TimeAsync(_ => store.WriteAsync(Workouts(WriteCondition.IfNotExists), CancellationToken.None));
        var batch = await TimeAsync(_ => store.WriteAsync(Workouts(WriteCondition.None), CancellationToken.None));
        var read = await TimeAsync(_ => store.GetManyAsync(storedKeys, CancellationToken.None));

        // A compare-and-swap as a fold's (a lone conditional write is a PutItem); an analytics item per request in
        // flight, and rising revisions, so the swaps seldom refuse each other (a refusal costs the same).
        var swap = await TimeAsync(i => store.WriteAsync(
            [new ItemWrite(new StoredItem { PartitionKey = $"USER#a{i % concurrency}", SortKey = "ANALYTICS", Data = analytics, Version = Interlocked.Increment(ref revision) }, WriteCondition.IfNewerVersion)],
            CancellationToken.None));
        var analyticsRead = await TimeAsync(i => store.GetAsync($"USER#a{i % concurrency}", "ANALYTICS", CancellationToken.None));
        var update = await TimeAsync(i => client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = table,
                Key = new() { ["pk"] = new($"USER#a{i % concurrency}"), ["sk"] = new("TOTALS") },
                UpdateExpression = "ADD totalWorkouts :workouts, totalSets :sets, totalReps :reps, totalVolumeKg :volume",
                ExpressionAttributeValues = new() { [":workouts"] = new() { N = "1" }, [":sets"] = new() { N = "16" }, [":reps"] = new() { N = "104" }, [":volume"] = new() { N = "4851.25" } },
            },
            CancellationToken.None));

        return new Costs(conditional.Cpu / 100, batch.Cpu / 100, read.Cpu / 100, swap.Cpu, analyticsRead.Cpu, update.Cpu)
        {
            Rows =
            [
                ("TransactWriteItems, 100 new 800-byte items, attribute_not_exists", conditional.Wall, conditional.Cpu / 100),
                ("BatchWriteItem x4, 100 800-byte items, unconditional", batch.Wall, batch.Cpu / 100),
                ("BatchGetItem, 100 800-byte items", read.Wall, read.Cpu / 100),
                ("PutItem, 8.6 KB analytics item, version compare-and-swap", swap.Wall, swap.Cpu),
                ("GetItem, 8.6 KB analytics item", analyticsRead.Wall, analyticsRead.Cpu),
                ("UpdateItem, ADD to four totals (the hand-written consumer's)", update.Wall, update.Cpu),
            ],
        };
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Costs(double ConditionalItem, double BatchItem, double ReadItem, double AnalyticsSwap, double AnalyticsRead, double Update)
    {
        public required (string Name, double PerRequest, double PerItem)[] Rows { get; init; }
    }
}
