using System.Text.Json;
using GymCoach.Cli.Tests.Support;
using GymCoach.Contracts.Events;
using GymCoach.Embedded.Queueing;
using GymCoach.Embedded.Storage;
using GymCoach.Ingest.Api;
using GymCoach.Workers.Caching;
using GymCoach.Workers.ReadSide;

namespace GymCoach.Cli.Tests.Commands;

/// <summary><c>gymcoach produce</c> as a separate process against the API running in the test.</summary>
[Trait("Category", "Slow")]
public sealed class ProduceCommandTests : IAsyncLifetime
{
    private const string Key = "gck_produce_test_key";

    private readonly string _directory = Directory.CreateTempSubdirectory("gymcoach-produce-").FullName;
    private readonly EmbeddedQueue _writes = new(new EmbeddedQueueOptions { Name = "produce-writes" });
    private readonly EmbeddedQueue _analytics = new(new EmbeddedQueueOptions { Name = "produce-analytics" });
    private IngestApiHost? _api;

    public async Task InitializeAsync()
    {
        var store = new EmbeddedItemStore();
        var options = new IngestApiOptions
        {
            ApiKeys = [new ApiKeyOptions { Name = "producer", Sha256 = ApiKeyHash.Compute(Key), Operations = [.. ApiOperations.All], RequestsPerSecond = 10_000, Burst = 10_000 }],
        };
        var backend = IngestBackend.Direct(_writes, _analytics, store, new AnalyticsReader(store, new AnalyticsCache(new CacheOptions())));
        _api = await IngestApiHost.StartAsync(options, backend, port: 0, configureLogging: null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _api!.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task PostsEveryGoodLine_AndNamesTheRejectedOnes()
    {
        var lines = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            lines.Add(WorkoutJson($"w-{i}", reps: 5));
        }

        lines[9] = WorkoutJson("w-bad", reps: 0);
        lines.Insert(20, "{\"specversion\":\"1.0\",\"id\":\"p1\",\"source\":\"t\",\"type\":\"gymcoach.profile.updated.v1\",\"data\":{\"userId\":\"alice\",\"displayName\":\"A\",\"bodyweight\":60,\"unit\":\"kg\",\"goals\":[]}}");
        lines.Insert(30, "not json");
        lines.Insert(40, Events.RecomputeBody("alice"));
        var input = Path.Combine(_directory, "events.ndjson");
        await File.WriteAllLinesAsync(input, lines);

        var keyFile = Path.Combine(_directory, "producer.key");
        await File.WriteAllTextAsync(keyFile, Key + "\n");

        var result = await CliProcess.RunAsync(null, "produce", "--api", _api!.BaseAddress.ToString(), "--key-file", keyFile, "--input", input, "--concurrency", "3");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("process list", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("151 of 153 lines accepted, 2 rejected", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("gymcoach produce: 2 lines rejected: 10, 31", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("line 10: 400 The request has invalid fields: exercises[0].sets[0].reps", result.StandardError, StringComparison.Ordinal);
        var writes = await ReceiveAllAsync(_writes);
        Assert.Equal(150, writes.Count);
        Assert.Equal(149, writes.Count(body => EventReader.ReadType(body) == EventTypes.WorkoutLogged));
        Assert.Single(await ReceiveAllAsync(_analytics));
    }

    [Fact]
    public async Task WrongKey_FailsWithOneLine()
    {
        var input = Path.Combine(_directory, "one.ndjson");
        await File.WriteAllTextAsync(input, WorkoutJson("w-1", 5) + "\n");

        var result = await CliProcess.RunAsync(null, "produce", "--api", _api!.BaseAddress.ToString(), "--key", "gck_not_a_known_key", "--input", input);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("gymcoach produce: warning: --key is visible to other users in the process list", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("gymcoach produce: the API refused the key: 401", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(await ReceiveAllAsync(_writes));
    }

    [Theory]
    [InlineData("--key", Key, "--input", "x.ndjson")]
    [InlineData("--api", "ftp://host", "--key", Key, "--input", "x.ndjson")]
    [InlineData("--api", "http://127.0.0.1:1", "--key", Key, "--input", "/no/such/file")]
    [InlineData("--api", "http://127.0.0.1:1", "--key", Key, "--input", "x", "--concurrency", "0")]
    [InlineData("--api", "http://127.0.0.1:1", "--key", "short", "--input", "x.ndjson")]
    [InlineData("--api", "http://127.0.0.1:1", "--key", Key, "--key-file", "k.key", "--input", "x.ndjson")]
    [InlineData("--api", "http://127.0.0.1:1", "--key-file", "/no/such/key", "--input", "x.ndjson")]
    public async Task BadArguments_ExitWith2(params string[] args)
    {
        var result = await CliProcess.RunAsync(null, ["produce", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("gymcoach produce: ", result.StandardError, StringComparison.Ordinal);
    }

    private static string WorkoutJson(string workoutId, int reps) =>
        JsonSerializer.Serialize(Events.Workout(workoutId, "alice", reps: reps), EventJsonContext.Default.WorkoutLogged);

    private static async Task<List<string>> ReceiveAllAsync(EmbeddedQueue queue)
    {
        var bodies = new List<string>();
        while ((await queue.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None)) is { Count: > 0 } batch)
        {
            bodies.AddRange(batch.Select(m => m.Body));
        }

        return bodies;
    }
}
