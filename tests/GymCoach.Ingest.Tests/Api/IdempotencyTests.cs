using System.Net;
using GymCoach.Ingest.Api.Idempotency;
using GymCoach.Ingest.Tests.Support;

namespace GymCoach.Ingest.Tests.Api;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task RetryWithTheSameKey_GetsTheFirstResponse_AndEnqueuesNothingNew()
    {
        await using var api = await TestApi.StartAsync();
        var client = api.Client();

        using var first = await client.SendAsync(TestApi.Post("v1/workouts", Bodies.Workout(), idempotencyKey: "key-1"));
        using var retry = await client.SendAsync(TestApi.Post("v1/workouts", Bodies.Workout(), idempotencyKey: "key-1"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Single(await TestApi.ReceiveAllAsync(api.WritesQueue));

        var record = await api.Store.GetAsync(IdempotencyStore.PartitionKey("writer", "key-1"), IdempotencyStore.SortKey, CancellationToken.None);
        Assert.InRange(record!.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddHours(23.9), DateTimeOffset.UtcNow.AddHours(24));
    }

    [Fact]
    public async Task SameKeyWithADifferentBody_Is422()
    {
        await using var api = await TestApi.StartAsync();
        var client = api.Client();

        using var first = await client.SendAsync(TestApi.Post("v1/workouts", Bodies.Workout("w-1"), idempotencyKey: "key-1"));
        using var reused = await client.SendAsync(TestApi.Post("v1/workouts", Bodies.Workout("w-2"), idempotencyKey: "key-1"));
        using var otherPath = await client.SendAsync(TestApi.Post("v1/profiles", Bodies.Profile(), idempotencyKey: "key-1"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(422, (await ProblemJson.ReadAsync(reused)).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherPath.StatusCode);
        Assert.Single(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task ConcurrentRetries_EnqueueExactlyOnce()
    {
        await using var api = await TestApi.StartAsync();
        var client = api.Client();
        var body = Bodies.Batch(Bodies.Workout("w-1"), Bodies.Workout("w-2"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            client.SendAsync(TestApi.Post("v1/workouts:batch", body, idempotencyKey: "concurrent"))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        var accepted = responses.Where(r => r.StatusCode == HttpStatusCode.Accepted).ToList();
        Assert.NotEmpty(accepted);
        Assert.Single((await Task.WhenAll(accepted.Select(r => r.Content.ReadAsStringAsync()))).Distinct());
        Assert.Equal(2, (await TestApi.ReceiveAllAsync(api.WritesQueue)).Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task KeysAreScopedPerApiKey()
    {
        await using var api = await TestApi.StartAsync();

        using var first = await api.Client(Keys.Writer).SendAsync(TestApi.Post("v1/workouts", Bodies.Workout(), idempotencyKey: "shared"));
        using var second = await api.Client(Keys.OtherWriter).SendAsync(TestApi.Post("v1/workouts", Bodies.Workout(), idempotencyKey: "shared"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, (await TestApi.ReceiveAllAsync(api.WritesQueue)).Count);
    }

    [Fact]
    public async Task FailedPublish_Is503AndReleasesTheKey_SoTheRetrySucceeds()
    {
        FlakyPublisher? publisher = null;
        await using var api = await TestApi.StartAsync(writesPublisher: queue => publisher = new FlakyPublisher(queue, failures: 1));
        var client = api.Client();

        using var failed = await client.SendAsync(TestApi.Post("v1/workouts", Bodies.Workout(), idempotencyKey: "flaky"));
        using var retried = await client.SendAsync(TestApi.Post("v1/workouts", Bodies.Workout(), idempotencyKey: "flaky"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.NotNull(failed.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(2, publisher!.Calls);
        Assert.Single(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task InvalidIdempotencyKey_Is400()
    {
        await using var api = await TestApi.StartAsync();
        using var request = TestApi.Post("v1/workouts", Bodies.Workout());
        request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 300));

        using var response = await api.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemJson.ReadAsync(response)).Errors.ContainsKey("Idempotency-Key"));
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }
}
