using GymCoach.Contracts.Events;
using GymCoach.Contracts.Queueing;
using GymCoach.Producer.Tests.Support;

namespace GymCoach.Producer.Tests.Http;

/// <summary>The HTTP transport against the real ingest API on Kestrel: 202s, and the API's answers as typed exceptions.</summary>
public sealed class HttpProducerTests : IAsyncLifetime
{
    private ProducerApi? _api;

    private ProducerApi Api => _api!;

    public async Task InitializeAsync() => _api = await ProducerApi.StartAsync();

    public async Task DisposeAsync() => await Api.DisposeAsync();

    [Fact]
    public async Task ALoggedWorkout_IsAccepted_AndTheQueuedEventHasTheReturnedId()
    {
        await using var producer = Api.Producer();
        var workout = Some.Workout();

        var eventId = await producer.LogWorkoutAsync(workout, new SendOptions { CorrelationId = "app-request-9" });

        var message = Assert.Single(await ProducerApi.ReceiveAllAsync(Api.WritesQueue));
        var cloudEvent = EventReader.ReadWorkoutLogged(message.Body!, DateTimeOffset.UtcNow);
        Assert.Equal(eventId, cloudEvent.Id);
        Assert.Equal("gymcoach/ingest/writer", cloudEvent.Source);
        Assert.Equal(workout.WorkoutId, cloudEvent.Data.WorkoutId);
        Assert.Equal("app-request-9", message.GetStringAttribute(MessageAttributeNames.CorrelationId));
    }

    [Fact]
    public async Task ABatch_IsAcceptedInOneRequest_WithTheIdsInTheOrderOfTheWorkouts()
    {
        using var handler = new RecordingHandler();
        await using var producer = Api.Producer(handler: handler);
        var workouts = Enumerable.Range(0, 3).Select(_ => Some.Workout()).ToList();

        var ids = await producer.LogWorkoutsAsync(workouts);

        Assert.Equal("/v1/workouts:batch", Assert.Single(handler.Requests).Path);
        var events = (await ProducerApi.ReceiveAllAsync(Api.WritesQueue))
            .Select(message => EventReader.ReadWorkoutLogged(message.Body!, DateTimeOffset.UtcNow))
            .ToDictionary(cloudEvent => cloudEvent.Data.WorkoutId, cloudEvent => cloudEvent.Id);
        Assert.Equal(ids, workouts.Select(workout => events[workout.WorkoutId]));
    }

    [Fact]
    public async Task AProfileUpdate_AndARecomputeRequest_AreAcceptedIntoTheirQueues()
    {
        await using var producer = Api.Producer();

        var profileId = await producer.UpdateProfileAsync(Some.Profile("user-3"));
        var recomputeId = await producer.RequestRecomputeAsync(Some.Recompute("user-3"));

        Assert.Equal(profileId, EventReader.ReadProfileUpdated(Assert.Single(await ProducerApi.ReceiveAllAsync(Api.WritesQueue)).Body!).Id);
        Assert.Equal(recomputeId, EventReader.ReadAnalyticsRecompute(Assert.Single(await ProducerApi.ReceiveAllAsync(Api.AnalyticsQueue)).Body!).Id);
    }

    [Fact]
    public async Task AFieldTheApiRefuses_ComesBackAsAValidationException_NamingTheFieldWithTheProblem()
    {
        // The device's clock is three days fast: the workout is within a day of its "now", but two days ahead of the API's.
        await using var producer = Api.Producer(clock: new ShiftedClock(TimeSpan.FromDays(3)));
        var workout = Some.Workout(performedAt: DateTimeOffset.UtcNow.AddDays(2));

        var error = await Assert.ThrowsAsync<ProducerValidationException>(() => producer.LogWorkoutAsync(workout));

        Assert.Equal("performedAt", Assert.Single(error.Errors).Field);
        Assert.Contains("1 day after now", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(400, error.Problem?.Status);
        Assert.NotNull(error.Problem?.Title);
        Assert.Empty(await ProducerApi.ReceiveAllAsync(Api.WritesQueue));
    }

    [Fact]
    public async Task AnInvalidHeader_ComesBackAsAValidationException_NamingTheHeader()
    {
        await using var producer = Api.Producer();

        var error = await Assert.ThrowsAsync<ProducerValidationException>(
            () => producer.LogWorkoutAsync(Some.Workout(), new SendOptions { IdempotencyKey = "not a valid key" }));

        Assert.Equal("Idempotency-Key", Assert.Single(error.Errors).Field);
        Assert.Empty(await ProducerApi.ReceiveAllAsync(Api.WritesQueue));
    }

    [Fact]
    public async Task AnUnknownKey_IsAnAuthorizationException_401_WithoutRetries()
    {
        using var handler = new RecordingHandler();
        await using var producer = Api.Producer("gck_not_a_key", handler);

        var error = await Assert.ThrowsAsync<ProducerAuthorizationException>(() => producer.LogWorkoutAsync(Some.Workout()));

        Assert.Equal(401, error.StatusCode);
        Assert.Single(handler.Requests);
        Assert.Empty(await ProducerApi.ReceiveAllAsync(Api.WritesQueue));
    }

    [Fact]
    public async Task AKeyWithoutTheOperation_IsAnAuthorizationException_403()
    {
        await using var producer = Api.Producer(ProducerApi.ReaderKey);

        var error = await Assert.ThrowsAsync<ProducerAuthorizationException>(() => producer.UpdateProfileAsync(Some.Profile()));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal(403, error.Problem?.Status);
    }
}
