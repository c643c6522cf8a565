using System.Net;
using System.Text.Json;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Demo;
using GymCoach.Cli.Hosting;
using GymCoach.Producer.Tests.Support;

namespace GymCoach.Producer.Tests.Hosting;

/// <summary>Both transports into what <c>gymcoach run</c> runs (the API and the workers over the embedded backend): the workers fold what the producer sent.</summary>
[Trait("Category", "Slow")]
public sealed class GymCoachRunTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-producer-").FullName;
    private EmbeddedBackend? _backend;
    private ApiServer? _server;

    private ApiServer Server => _server!;

    public async Task InitializeAsync()
    {
        _backend = await EmbeddedBackend.OpenAsync(_state, StateAccess.Write, "test", CancellationToken.None);
        _server = await ApiServer.StartAsync(_backend, new ApiServerSettings { Port = 0, Pipeline = DemoRunner.Settings(null) }, Serilog.Core.Logger.None, verbose: false, CancellationToken.None);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }

        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    [Fact]
    public async Task WorkoutsPostedOverHttp_AreFoldedIntoTheUsersAnalytics()
    {
        await using var producer = GymCoachProducer.Create(new GymCoachProducerOptions
        {
            Transport = ProducerTransport.Http,
            Http = { BaseAddress = Server.BaseAddress, ApiKey = Server.ApiKey },
        });

        await producer.UpdateProfileAsync(Some.Profile("user-http"));
        await producer.LogWorkoutsAsync([Some.Workout("user-http"), Some.Workout("user-http")]);
        await producer.LogWorkoutAsync(Some.Workout("user-http"));

        Assert.Equal(3, await WaitForTotalWorkoutsAsync("user-http", 3));
    }

    [Fact]
    public async Task WorkoutsPublishedStraightToTheQueue_AreFoldedIntoTheUsersAnalytics()
    {
        await using var producer = GymCoachProducer.CreateSqs(_backend!.WritesQueue, _backend.AnalyticsQueue, "gymcoach/producer-tests");

        await producer.LogWorkoutsAsync([Some.Workout("user-sqs"), Some.Workout("user-sqs")]);
        await producer.LogWorkoutAsync(Some.Workout("user-sqs"));

        Assert.Equal(3, await WaitForTotalWorkoutsAsync("user-sqs", 3));
    }

    /// <summary>Reads the user's analytics through the API until they count <paramref name="expected"/> workouts, or 60 s pass.</summary>
    private async Task<int> WaitForTotalWorkoutsAsync(string userId, int expected)
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", Server.ApiKey);
        var total = 0;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (total < expected && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200);
            using var response = await http.GetAsync(new Uri($"v1/users/{userId}/analytics", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                total = document.RootElement.GetProperty("totalWorkouts").GetInt32();
            }
        }

        return total;
    }
}
