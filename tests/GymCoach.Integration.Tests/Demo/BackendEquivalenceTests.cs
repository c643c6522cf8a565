using System.Text.Json;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Demo;
using GymCoach.Cli.Hosting;
using GymCoach.Cli.Terminal;
using GymCoach.Contracts.Events;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Storage;

namespace GymCoach.Integration.Tests.Demo;

/// <summary>The same seeded demo on the embedded backend and on the real-API emulators must leave the same state.</summary>
[Trait("Category", "Slow")]
public sealed class BackendEquivalenceTests : IDisposable
{
    private static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(6);

    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-equivalence-").FullName;

    public void Dispose()
    {
        // The local backend keeps DynamoDB Local's database in /dev/shm, keyed by the state folder: remove it too.
        var database = LocalBackend.DatabaseDirectory(Path.Combine(_state, BackendOptions.Local));
        if (Directory.Exists(database))
        {
            Directory.Delete(database, recursive: true);
        }

        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task Demo_OnEmbeddedAndOnLocalEmulators_EndsInTheSameAnalyticsAndProfiles()
    {
        // Short timeouts, so the injected failures come back within seconds: visibility = function timeout + batching window.
        var options = new DemoOptions { Users = 12, Workouts = 300, Seed = 1234, FailureRate = 0.1, FunctionTimeout = FunctionTimeout };

        var embedded = await RunAsync(options with { Backend = BackendOptions.Embedded });
        var local = await RunAsync(options with { Backend = BackendOptions.Local });

        Assert.Equal(12, embedded.Count);
        Assert.Equal(embedded, local);
    }

    /// <summary>Runs the demo and returns every user's stored analytics (without computedAt) and profile, as JSON.</summary>
    private async Task<SortedDictionary<string, string>> RunAsync(DemoOptions options)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var backendOptions = new BackendOptions(Path.Combine(_state, options.Backend), Verbose: false)
        {
            VisibilityTimeout = PipelineSettings.VisibilityTimeoutFor(FunctionTimeout),
        };
        await using var backend = await BackendFactory.OpenAsync(options.Backend, backendOptions, StateAccess.Write, "test", timeout.Token);
        var result = await new DemoRunner(options, backend, new ProgressLine(TextWriter.Null, interactive: false), Serilog.Core.Logger.None)
            .RunAsync(timeout.Token);
        Assert.True(result.Check.Passed, string.Join("; ", result.Check.Examples));

        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var userId in result.Workload.WorkoutsByUser.Keys)
        {
            var analytics = await backend.Store.GetAsync(TableKeys.UserPartition(userId), TableKeys.AnalyticsSortKey, timeout.Token);
            var profile = await backend.Store.GetAsync(TableKeys.UserPartition(userId), TableKeys.ProfileSortKey, timeout.Token);
            var document = analytics is null ? null : AnalyticsItems.ReadDocument(analytics) with { ComputedAt = DateTimeOffset.UnixEpoch };
            // The profile's data only: its event time and id are stamped by the API on arrival, so they differ between runs.
            var storedProfile = profile is null ? null : JsonSerializer.Deserialize(profile.Data, StorageJsonContext.Default.StoredProfile)!.Profile;
            state[userId] = (document is null ? "-" : AnalyticsJson.Serialize(document)) + " | "
                + (storedProfile is null ? "-" : JsonSerializer.Serialize(storedProfile, EventJsonContext.Default.ProfileUpdated));
        }

        return state;
    }
}
