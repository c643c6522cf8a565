using System.Net;
using System.Text;
using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Queueing;
using GymCoach.Ingest.Tests.Support;

namespace GymCoach.Ingest.Tests.Api;

public sealed class WorkoutEndpointTests
{
    [Fact]
    public async Task ValidWorkout_IsAcceptedWithItsEventId_OnlyOnceItIsInTheQueue()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client().SendAsync(TestApi.Post("v1/workouts", Bodies.Workout("w-1"), correlationId: "corr-123"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("corr-123", response.Headers.GetValues("X-Correlation-Id").Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var eventId = body.RootElement.GetProperty("eventId").GetString();

        var message = Assert.Single(await TestApi.ReceiveAllAsync(api.WritesQueue));
        var cloudEvent = EventReader.ReadWorkoutLogged(message.Body, DateTimeOffset.UtcNow);
        Assert.Equal(eventId, cloudEvent.Id);
        Assert.Equal(EventTypes.WorkoutLogged, cloudEvent.Type);
        Assert.Equal("gymcoach/ingest/writer", cloudEvent.Source);
        Assert.Equal("w-1", cloudEvent.Data.WorkoutId);
        Assert.Equal(2, cloudEvent.Data.Exercises[0].Sets.Count);
        Assert.Equal("corr-123", message.MessageAttributes![MessageAttributeNames.CorrelationId].StringValue);
    }

    [Fact]
    public async Task WithoutCorrelationId_OneIsGenerated_EchoedAndPutOnTheMessage()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client().SendAsync(TestApi.Post("v1/workouts", Bodies.Workout()));

        var generated = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.False(string.IsNullOrWhiteSpace(generated));
        var message = Assert.Single(await TestApi.ReceiveAllAsync(api.WritesQueue));
        Assert.Equal(generated, message.MessageAttributes![MessageAttributeNames.CorrelationId].StringValue);
    }

    [Fact]
    public async Task InvalidWorkout_Is400ListingEveryBadField_AndNothingIsQueued()
    {
        await using var api = await TestApi.StartAsync();
        var body = Bodies.Workout(workoutId: " ", reps: 0, weight: -5m).Replace("\"unit\":\"kg\"", "\"unit\":7", StringComparison.Ordinal);

        using var response = await api.Client().SendAsync(TestApi.Post("v1/workouts", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemJson.ReadAsync(response);
        Assert.Equal(400, problem.Status);
        Assert.Equal(
            ["exercises[0].sets[0].reps", "exercises[0].sets[0].weight", "unit", "workoutId"],
            problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("between 1 and 1000", problem.Errors["exercises[0].sets[0].reps"][0], StringComparison.Ordinal);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task MalformedJson_Is400WithLineAndPosition()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client().SendAsync(TestApi.Post("v1/workouts", "{\n  \"workoutId\": \"w-1\",\n  \"userId\" \"alice\"\n}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemJson.ReadAsync(response);
        Assert.Equal(3, problem.Root.GetProperty("line").GetInt64());
        Assert.Equal(12, problem.Root.GetProperty("position").GetInt64());
        Assert.Contains("line 3, position 12", problem.Root.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task UnknownField_IsRejectedByName()
    {
        await using var api = await TestApi.StartAsync();
        var body = Bodies.Workout().Replace("\"rpe\":8", "\"rpe\":8,\"tempo\":\"3-1-1\"", StringComparison.Ordinal);

        using var response = await api.Client().SendAsync(TestApi.Post("v1/workouts", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemJson.ReadAsync(response);
        Assert.Equal(["is not a known field"], problem.Errors["exercises[0].sets[1].tempo"]);
        Assert.DoesNotContain("GymCoach", problem.Root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAndMistypedFields_AreNamedWithoutDotNetTypeNames()
    {
        await using var api = await TestApi.StartAsync();
        var client = api.Client();

        using var missing = await client.SendAsync(TestApi.Post("v1/workouts",
            """{"workoutId":"w","userId":"u","performedAt":"2025-01-06T07:00:00Z","exercises":[]}"""));
        var missingProblem = await ProblemJson.ReadAsync(missing);
        // The empty exercises list breaks a rule too: the missing fields no longer hide it.
        Assert.Equal(["durationSeconds", "exercises", "unit"], missingProblem.Errors.Keys.Order(StringComparer.Ordinal));

        using var mistyped = await client.SendAsync(TestApi.Post("v1/workouts", Bodies.Workout().Replace("\"reps\":5", "\"reps\":\"five\"", StringComparison.Ordinal)));
        var mistypedProblem = await ProblemJson.ReadAsync(mistyped);
        Assert.Equal(["must be a number, was a string"], mistypedProblem.Errors["exercises[0].sets[0].reps"]);
        Assert.DoesNotContain("System.", mistypedProblem.Root.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    public async Task WrongContentType_Is415(string contentType)
    {
        await using var api = await TestApi.StartAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Bodies.Workout()));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await api.Client().PostAsync(new Uri("v1/workouts", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(415, (await ProblemJson.ReadAsync(response)).Status);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task BodyOverTheSingleLimit_Is413_WithOrWithoutContentLength()
    {
        await using var api = await TestApi.StartAsync(options => options.MaxSingleBodyBytes = 2048);
        var big = Bodies.Workout(extra: new string(' ', 3000));
        var client = api.Client();

        using var declared = await client.SendAsync(TestApi.Post("v1/workouts", big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Contains("2048 bytes", (await ProblemJson.ReadAsync(declared)).Root.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var chunked = new HttpRequestMessage(HttpMethod.Post, "v1/workouts") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))) };
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        using var streamed = await client.SendAsync(chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }
}
