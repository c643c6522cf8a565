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
/// What each kind of request the two consumers of <c>pipeline-throughput</c> make costs DynamoDB Local, per item, and
/// what that allows each consumer at most: the ceiling of the pipeline / hand-written ratio on this emulator.
/// </summary>
/// <remarks>
/// <para>Run: <c>dotnet run -c Release --project tools/GymCoach.Benchmarks -- dynamodb-request-costs [--calls 100] [--warmup 20] [--workouts-per-fold 14] [--updates-per-message 0.955]</c>.</para>
/// <para>Requests go one at a time, so each one's time is the emulator's own work on it (DynamoDB Local runs one
/// request at a time on one core here: its CPU stays at one core however many requests wait). The model then adds up a
/// new workout on each side: the pipeline's conditional write, its read and its mark, and its share of a fold (the
/// analytics item read and swapped once per <c>--workouts-per-fold</c> workouts); the hand-written consumer's
/// unconditional write and its UpdateItem per user per batch (<c>--updates-per-message</c>). Both defaults are what
/// <c>pipeline-throughput --backend local</c> counts at 100 users.</para>
/// </remarks>
internal static class DynamoDbRequestCosts
{
    private const string Usage = "dynamodb-request-costs [--calls 100] [--warmup 20] [--workouts-per-fold 14] [--updates-per-message 0.955]";

    public static async Task<int> RunAsync(string[] args)
    {
        int calls, warmup;
        double workoutsPerFold, updatesPerMessage;
        try
        {
            var reader = new ArgumentReader(args, new HashSet<string>(StringComparer.Ordinal));
            calls = reader.Int("calls", 100, 1, 100_000);
            warmup = reader.Int("warmup", 20, 0, 10_000);
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
        var costs = await MeasureAsync(client, store, table, calls, warmup);

        Console.WriteLine(Text($"DynamoDB Local, one request at a time, {calls} measured requests per case"));
        Console.WriteLine(Text($"{"request",-62} {"ms/request",11} {"ms/item",9}"));
        foreach (var (name, perRequest, perItem) in costs.Rows)
        {
            Console.WriteLine(Text($"{name,-62} {perRequest,11:F3} {perItem,9:F3}"));
        }

        var pipeline = costs.ConditionalItem + costs.ReadItem + costs.BatchItem + ((costs.AnalyticsSwap + costs.AnalyticsRead) / workoutsPerFold);
        var handWritten = costs.BatchItem + (updatesPerMessage * costs.Update);
        Console.WriteLine();
        Console.WriteLine(Text($"pipeline, per new workout      {pipeline:F3} ms: conditional write {costs.ConditionalItem:F3} + read {costs.ReadItem:F3} + mark {costs.BatchItem:F3} + (analytics swap {costs.AnalyticsSwap:F3} + read {costs.AnalyticsRead:F3}) / {workoutsPerFold}"));
        Console.WriteLine(Text($"hand-written, per message      {handWritten:F3} ms: unconditional write {costs.BatchItem:F3} + {updatesPerMessage} × UpdateItem {costs.Update:F3}"));
        Console.WriteLine(Text($"ceiling of pipeline / hand-written on this emulator, both at full use of its core: {handWritten / pipeline:F2}×"));
        await provisioner.DeleteTableAsync(table, CancellationToken.None);
        return ExitCodes.Success;
    }

    private static async Task<Costs> MeasureAsync(IAmazonDynamoDB client, DynamoDbItemStore store, string table, int calls, int warmup)
    {
        var workout = "{\"sets\":\"" + new string('x', 780) + "\"}";
        var analytics = "{\"weekly\":\"" + new string('x', 8_600) + "\"}";
        var serial = 0;
        List<ItemWrite> Workouts(WriteCondition condition) =>
            [.. Enumerable.Range(0, 100).Select(i => new ItemWrite(new StoredItem { PartitionKey = $"USER#{i}", SortKey = $"WORKOUT#{serial}-{i}", Data = workout }, condition))];

        var stored = Workouts(WriteCondition.None);
        await store.WriteAsync(stored, CancellationToken.None);
        var storedKeys = stored.ConvertAll(write => ItemKey.Of(write.Item));
        var revision = 0L;

        async Task<double> TimeAsync(Func<Task> request)
        {
            for (var i = 0; i < warmup; i++)
            {
                serial++;
                await request();
            }

            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < calls; i++)
            {
                serial++;
                await request();
            }

            return Stopwatch.GetElapsedTime(started).TotalMilliseconds / calls;
        }

        var conditional = await TimeAsync(() => store.WriteAsync(Workouts(WriteCondition.IfNotExists), CancellationToken.None));
        var batch = await TimeAsync(() => store.WriteAsync(Workouts(WriteCondition.None), CancellationToken.None));
        var read = await TimeAsync(() => store.GetManyAsync(storedKeys, CancellationToken.None));
        var swap = await TimeAsync(() => store.WriteAsync(
            [new ItemWrite(new StoredItem { PartitionKey = "USER#a", SortKey = "ANALYTICS", Data = analytics, Version = ++revision }, WriteCondition.IfNewerVersion)],
            CancellationToken.None));
        var analyticsRead = await TimeAsync(() => store.GetAsync("USER#a", "ANALYTICS", CancellationToken.None));
        var update = await TimeAsync(() => client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = table,
                Key = new() { ["pk"] = new("USER#a"), ["sk"] = new("TOTALS") },
                UpdateExpression = "ADD totalWorkouts :workouts, totalSets :sets, totalReps :reps, totalVolumeKg :volume",
                ExpressionAttributeValues = new() { [":workouts"] = new() { N = "1" }, [":sets"] = new() { N = "16" }, [":reps"] = new() { N = "104" }, [":volume"] = new() { N = "4851.25" } },
            },
            CancellationToken.None));

        return new Costs(conditional / 100, batch / 100, read / 100, swap, analyticsRead, update)
        {
            Rows =
            [
                ("TransactWriteItems, 100 new 800-byte items, attribute_not_exists", conditional, conditional / 100),
                ("BatchWriteItem x4, 100 800-byte items, unconditional", batch, batch / 100),
                ("BatchGetItem, 100 800-byte items", read, read / 100),
                ("PutItem, 8.6 KB analytics item, version compare-and-swap", swap, swap),
                ("GetItem, 8.6 KB analytics item", analyticsRead, analyticsRead),
                ("UpdateItem, ADD to four totals (the hand-written consumer's)", update, update),
            ],
        };
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Costs(double ConditionalItem, double BatchItem, double ReadItem, double AnalyticsSwap, double AnalyticsRead, double Update)
    {
        public required (string Name, double PerRequest, double PerItem)[] Rows { get; init; }
    }
}
