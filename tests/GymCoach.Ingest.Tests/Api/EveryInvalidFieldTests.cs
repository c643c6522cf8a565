using System.Net;
using GymCoach.Ingest.Tests.Support;

namespace GymCoach.Ingest.Tests.Api;

/// <summary>One answer names every invalid field: wrong JSON types, unknown enum values and missing fields alongside the rules.</summary>
public sealed class EveryInvalidFieldTests
{
    private const string Units = "must be one of \"kg\", \"lb\"";

    [Fact]
    public async Task AnUnknownUnit_NamesTheAllowedValues()
    {
        await using var api = await TestApi.StartAsync();

        var workout = await PostAsync(api, "v1/workouts", Bodies.Workout().Replace("\"unit\":\"kg\"", "\"unit\":\"lbs\"", StringComparison.Ordinal));
        var profile = await PostAsync(api, "v1/profiles", Bodies.Profile().Replace("\"unit\":\"kg\"", "\"unit\":7", StringComparison.Ordinal));

        Assert.Equal([Units + ", was \"lbs\""], workout["unit"]);
        Assert.Equal([Units + ", was 7"], profile["unit"]);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task AMissingField_DoesNotHideTheOtherInvalidFields()
    {
        await using var api = await TestApi.StartAsync();
        var body = Bodies.Workout(userId: "", reps: 0).Replace("\"durationSeconds\":3600,", string.Empty, StringComparison.Ordinal);

        var errors = await PostAsync(api, "v1/workouts", body);

        Assert.Equal(["durationSeconds", "exercises[0].sets[0].reps", "userId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["is required"], errors["durationSeconds"]);
        Assert.Equal(["must not be empty or whitespace"], errors["userId"]);
        Assert.Contains("between 1 and 1000", errors["exercises[0].sets[0].reps"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongTypesUnknownFieldsEnumsAndMissingFields_AreAllNamedInOneAnswer()
    {
        await using var api = await TestApi.StartAsync();
        const string body = """
            {"workoutId":5,"userId":"u-1","performedAt":"yesterday","unit":"stone",
             "exercises":[{"exerciseId":"squat","sets":[{"reps":"five","weight":true,"tempo":"3-1-1"},{"reps":5.5,"weight":1e400}]},
                          {"exerciseId":"","sets":{}},
                          7]}
            """;

        var errors = await PostAsync(api, "v1/workouts", body);

        Assert.Equal(
            [
                "durationSeconds", "exercises[0].sets[0].reps", "exercises[0].sets[0].tempo", "exercises[0].sets[0].weight",
                "exercises[0].sets[1].reps", "exercises[0].sets[1].weight", "exercises[1].exerciseId", "exercises[1].sets",
                "exercises[2]", "performedAt", "unit", "workoutId",
            ],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["must be a string, was a number"], errors["workoutId"]);
        Assert.Equal(["must be a number, was a string"], errors["exercises[0].sets[0].reps"]);
        Assert.Equal(["must be a number, was a boolean"], errors["exercises[0].sets[0].weight"]);
        Assert.Equal(["is not a known field"], errors["exercises[0].sets[0].tempo"]);
        Assert.Equal(["must be a whole number, was 5.5"], errors["exercises[0].sets[1].reps"]);
        Assert.Equal(["must be an array, was an object"], errors["exercises[1].sets"]);
        Assert.Equal(["must be an object, was a number"], errors["exercises[2]"]);
        Assert.Equal([Units + ", was \"stone\""], errors["unit"]);
        Assert.Contains("ISO-8601", errors["performedAt"][0], StringComparison.Ordinal);
        Assert.Equal(["is required"], errors["durationSeconds"]);
        Assert.DoesNotContain(errors.Values.SelectMany(m => m), m => m.Contains("System.", StringComparison.Ordinal) || m.Contains("GymCoach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABatch_NamesEveryInvalidFieldOfEveryWorkout()
    {
        await using var api = await TestApi.StartAsync();
        var body = Bodies.Batch(
            Bodies.Workout("w-0").Replace("\"userId\":\"alice\",", string.Empty, StringComparison.Ordinal),
            Bodies.Workout("w-1").Replace("\"unit\":\"kg\"", "\"unit\":\"lbs\"", StringComparison.Ordinal),
            Bodies.Workout("w-2", reps: 0),
            "\"not a workout\"");

        var errors = await PostAsync(api, "v1/workouts:batch", body);

        Assert.Equal(
            ["workouts[0].userId", "workouts[1].unit", "workouts[2].exercises[0].sets[0].reps", "workouts[3]"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["is required"], errors["workouts[0].userId"]);
        Assert.Equal(["must be an object, was a string"], errors["workouts[3]"]);
    }

    [Fact]
    public async Task ARecompute_NamesWrongTypesAndMissingFieldsWithTheRules()
    {
        await using var api = await TestApi.StartAsync();

        var errors = await PostAsync(api, "v1/analytics/recompute", """{"userId":"","workoutIds":"w-1","extra":null}""");

        Assert.Equal(["extra", "reason", "userId", "workoutIds"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["must be an array, was a string"], errors["workoutIds"]);
        Assert.Equal(["is required"], errors["reason"]);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.AnalyticsQueue));
    }

    [Fact]
    public async Task AnUnknownFieldsName_IsEchoedEscaped()
    {
        await using var api = await TestApi.StartAsync();

        var errors = await PostAsync(api, "v1/workouts", Bodies.Workout(extra: ",\"x\\u001B[2J\":1"));

        Assert.Equal(["is not a known field"], errors["x\\u001B[2J"]);
    }

    [Theory]
    [InlineData("[]", "must be a JSON object, was an array")]
    [InlineData("\"workout\"", "must be a JSON object, was a string")]
    [InlineData("null", "must be a JSON object, was null")]
    public async Task ABodyThatIsNotAnObject_IsNamedAtTheRoot(string body, string expected)
    {
        await using var api = await TestApi.StartAsync();

        var errors = await PostAsync(api, "v1/workouts", body);

        Assert.Equal([expected], errors["$"]);
    }

    private static async Task<IReadOnlyDictionary<string, string[]>> PostAsync(TestApi api, string path, string body)
    {
        using var response = await api.Client().SendAsync(TestApi.Post(path, body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await ProblemJson.ReadAsync(response)).Errors;
    }
}
