using System.Net;
using GymCoach.Ingest.Api;
using GymCoach.Ingest.Tests.Support;

namespace GymCoach.Ingest.Tests.Api;

/// <summary>Write limits count events, not requests: a batch of N workouts costs N tokens of its key's bucket.</summary>
public sealed class PerEventRateLimitTests
{
    private const string BatchKey = "gck_test_batch_limited_key";

    [Fact]
    public async Task ABatchCostsOneTokenPerWorkout()
    {
        await using var api = await StartAsync(burst: 8);
        var client = api.Client(BatchKey);

        using var first = await client.SendAsync(TestApi.Post("v1/workouts:batch", Batch(5)));
        using var second = await client.SendAsync(TestApi.Post("v1/workouts:batch", Batch(5)));
        using var single = await client.SendAsync(TestApi.Post("v1/workouts", Bodies.Workout("w-single")));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Accepted, single.StatusCode);
        Assert.Equal(6, (await TestApi.ReceiveAllAsync(api.WritesQueue)).Count);
    }

    [Fact]
    public async Task ABatchLargerThanTheBucket_Is413_NamingTheMost_AndQueuesNothing()
    {
        await using var api = await StartAsync(burst: 8);

        using var response = await api.Client(BatchKey).SendAsync(TestApi.Post("v1/workouts:batch", Batch(9)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemJson.ReadAsync(response);
        Assert.Contains("at most 8 workouts", problem.Root.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    private static Task<TestApi> StartAsync(int burst) => TestApi.StartAsync(options => options.ApiKeys.Add(new ApiKeyOptions
    {
        Name = "batch-limited",
        Sha256 = ApiKeyHash.Compute(BatchKey),
        Operations = [ApiOperations.WorkoutsWrite],
        RequestsPerSecond = 1,
        Burst = burst,
    }));

    private static string Batch(int count) => Bodies.Batch([.. Enumerable.Range(0, count).Select(i => Bodies.Workout($"w-{Guid.NewGuid():N}-{i}"))]);
}
