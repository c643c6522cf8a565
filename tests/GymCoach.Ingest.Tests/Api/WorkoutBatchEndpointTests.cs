using System.Net;
using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Ingest.Tests.Support;

namespace GymCoach.Ingest.Tests.Api;

public sealed class WorkoutBatchEndpointTests
{
    [Fact]
    public async Task ValidBatch_QueuesEveryWorkout_AndAnswersTheirIdsInOrder()
    {
        await using var api = await TestApi.StartAsync();
        var workouts = Enumerable.Range(0, 25).Select(i => Bodies.Workout($"w-{i}")).ToArray();

        using var response = await api.Client().SendAsync(TestApi.Post("v1/workouts:batch", Bodies.Batch(workouts)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ids = body.RootElement.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(25, ids.Distinct().Count());

        var queued = (await TestApi.ReceiveAllAsync(api.WritesQueue))
            .Select(m => EventReader.ReadWorkoutLogged(m.Body, DateTimeOffset.UtcNow))
            .ToDictionary(e => e.Id, e => e.Data.WorkoutId);
        Assert.Equal(25, queued.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal($"w-{i}", queued[ids[i]!]);
        }
    }

    [Fact]
    public async Task OneBadItem_RejectsTheWholeBatch_NamingItsFields_AndQueuesNothing()
    {
        await using var api = await TestApi.StartAsync();
        var workouts = Enumerable.Range(0, 5).Select(i => Bodies.Workout($"w-{i}")).ToArray();
        workouts[3] = Bodies.Workout("w-3", reps: 0).Replace("\"reps\":3", "\"reps\":-1", StringComparison.Ordinal);

        using var response = await api.Client().SendAsync(TestApi.Post("v1/workouts:batch", Bodies.Batch(workouts)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemJson.ReadAsync(response);
        Assert.Equal(
            ["workouts[3].exercises[0].sets[0].reps", "workouts[3].exercises[0].sets[1].reps"],
            problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task UnknownFieldInAnItem_IsNamedWithTheItemIndex()
    {
        await using var api = await TestApi.StartAsync();
        var workouts = new[] { Bodies.Workout("a"), Bodies.Workout("b", extra: ",\"mood\":\"great\"") };

        using var response = await api.Client().SendAsync(TestApi.Post("v1/workouts:batch", Bodies.Batch(workouts)));

        var problem = await ProblemJson.ReadAsync(response);
        Assert.Equal(400, problem.Status);
        Assert.Equal(["is not a known field"], problem.Errors["workouts[1].mood"]);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task EmptyOrOversizedBatch_Is400OnWorkouts(int count)
    {
        await using var api = await TestApi.StartAsync();
        var workouts = Enumerable.Range(0, count).Select(i => Bodies.Workout($"w-{i}")).ToArray();

        using var response = await api.Client().SendAsync(TestApi.Post("v1/workouts:batch", Bodies.Batch(workouts)));

        var problem = await ProblemJson.ReadAsync(response);
        Assert.Contains("between 1 and 100", Assert.Single(problem.Errors["workouts"]), StringComparison.Ordinal);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task BatchOverItsLimit_Is413_ButTheSameBytesFitWhenTheLimitAllows()
    {
        await using var api = await TestApi.StartAsync(options => options.MaxBatchBodyBytes = 8 * 1024);
        var tooBig = Bodies.Batch(Enumerable.Range(0, 40).Select(i => Bodies.Workout($"w-{i}")).ToArray());
        var fits = Bodies.Batch(Enumerable.Range(0, 5).Select(i => Bodies.Workout($"w-{i}")).ToArray());
        var client = api.Client();

        using var rejected = await client.SendAsync(TestApi.Post("v1/workouts:batch", tooBig));
        using var accepted = await client.SendAsync(TestApi.Post("v1/workouts:batch", fits));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(5, (await TestApi.ReceiveAllAsync(api.WritesQueue)).Count);
    }
}
