using System.Diagnostics;
using GymCoach.Producer.Tests.Support;

namespace GymCoach.Producer.Tests.Http;

/// <summary>429 and 503 from the real API are retried after Retry-After with the call's one Idempotency-Key, and bounded.</summary>
[Trait("Category", "Slow")]
public sealed class HttpProducerRetryTests
{
    [Fact]
    public async Task A429_IsRetriedAfterRetryAfter_WithTheSameIdempotencyKey()
    {
        await using var api = await ProducerApi.StartAsync();
        using var handler = new RecordingHandler();
        await using var producer = Api(api, handler, maxAttempts: 4);
        var stopwatch = Stopwatch.StartNew();

        // The limited key's bucket holds one token a second: of two calls at once, one is answered 429 first.
        await Task.WhenAll(producer.LogWorkoutAsync(Some.Workout()), producer.LogWorkoutAsync(Some.Workout()));

        Assert.True(stopwatch.Elapsed > TimeSpan.FromMilliseconds(500), $"Both calls were done after {stopwatch.Elapsed}, before Retry-After.");
        var attemptsPerCall = handler.Requests.GroupBy(request => request.IdempotencyKey).Select(call => call.Count()).Order().ToList();
        Assert.Equal(2, attemptsPerCall.Count);
        Assert.Equal(1, attemptsPerCall[0]);
        Assert.InRange(attemptsPerCall[1], 2, 4);
        Assert.Equal(2, (await ProducerApi.ReceiveAllAsync(api.WritesQueue)).Count);
    }

    [Fact]
    public async Task A429_WithNoAttemptsLeft_IsAnApiException_WithTheStatus()
    {
        await using var api = await ProducerApi.StartAsync();
        await using var producer = Api(api, handler: null, maxAttempts: 1);

        var calls = new[] { producer.LogWorkoutAsync(Some.Workout()), producer.LogWorkoutAsync(Some.Workout()) };
        await Task.WhenAll(calls).ContinueWith(static _ => { }, TaskScheduler.Default);

        var error = Assert.IsType<ProducerApiException>(Assert.Single(calls, call => call.IsFaulted).Exception!.InnerException);
        Assert.Equal((429, 1), (error.StatusCode, error.Attempts));
        Assert.Equal(429, error.Problem?.Status);
        Assert.Single(await ProducerApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task A503_IsRetried_AndTheEventIsQueuedOnce()
    {
        FailingPublisher? publisher = null;
        await using var api = await ProducerApi.StartAsync(queue => publisher = new FailingPublisher(queue, failures: 2));
        using var handler = new RecordingHandler();
        await using var producer = api.Producer(handler: handler, configure: options => options.MaxAttempts = 4);

        var eventId = await producer.LogWorkoutAsync(Some.Workout());

        Assert.Equal(3, handler.Requests.Count);
        Assert.Single(handler.Requests.Select(request => request.IdempotencyKey).Distinct());
        Assert.Equal(3, publisher!.Calls);
        var message = Assert.Single(await ProducerApi.ReceiveAllAsync(api.WritesQueue));
        Assert.Contains(eventId, message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A503_OnEveryAttempt_IsAnApiException_AfterMaxAttempts()
    {
        await using var api = await ProducerApi.StartAsync(queue => new FailingPublisher(queue, failures: int.MaxValue));
        using var handler = new RecordingHandler();
        await using var producer = api.Producer(handler: handler, configure: options =>
        {
            options.MaxAttempts = 2;
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
        });

        var error = await Assert.ThrowsAsync<ProducerApiException>(() => producer.LogWorkoutAsync(Some.Workout()));

        Assert.Equal((503, 2), (error.StatusCode, error.Attempts));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task ARequestWithoutAnswer_IsRetried_ThenFailsWithTheConnectionError()
    {
        using var handler = new RecordingHandler();
        var options = new HttpProducerOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:9/"),
            ApiKey = "gck_unused",
            MaxAttempts = 3,
            InitialRetryDelay = TimeSpan.FromMilliseconds(10),
        };
        await using var producer = GymCoachProducer.CreateHttp(options, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<GymCoachProducerException>(() => producer.LogWorkoutAsync(Some.Workout()));

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Single(handler.Requests.Select(request => request.IdempotencyKey).Distinct());
    }

    private static IGymCoachProducer Api(ProducerApi api, RecordingHandler? handler, int maxAttempts) =>
        api.Producer(ProducerApi.LimitedKey, handler, configure: options => options.MaxAttempts = maxAttempts);
}
