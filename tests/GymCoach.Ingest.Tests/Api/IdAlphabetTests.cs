using System.Net;
using System.Text.Json;
using GymCoach.Ingest.Tests.Support;

namespace GymCoach.Ingest.Tests.Api;

/// <summary>One id alphabet on write and read: what cannot be stored is refused on the way in, and what was stored can be read.</summary>
public sealed class IdAlphabetTests
{
    [Theory]
    [InlineData("a\\u0000b", "U+0000", 2)]
    [InlineData("a\\nb", "U+000A", 2)]
    [InlineData("a\\u202Eb", "U+202E", 2)]
    [InlineData("user-1\\u200B", "U+200B", 7)]
    public async Task AWriteWithAHiddenCharacterInAnId_Is400NamingTheFieldAndPosition(string jsonId, string codePoint, int position)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client().SendAsync(TestApi.Post("v1/workouts", Bodies.Workout(userId: jsonId)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single((await ProblemJson.ReadAsync(response)).Errors["userId"]);
        Assert.Contains($"{codePoint} ", message, StringComparison.Ordinal);
        Assert.Contains($"at position {position}", message, StringComparison.Ordinal);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task ABatchNamesTheWorkoutAndField()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client().SendAsync(TestApi.Post(
            "v1/workouts:batch", Bodies.Batch(Bodies.Workout("w-1"), Bodies.Workout("w-\\u001B[2J"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("U+001B", Assert.Single((await ProblemJson.ReadAsync(response)).Errors["workouts[1].workoutId"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a%1Bb", "U+001B (a control character) at position 2")]
    [InlineData("ab%E2%80%AE", "U+202E (a bidirectional-text control) at position 3")]
    [InlineData("%E2%80%8Buser", "U+200B (a zero-width character) at position 1")]
    public async Task AReadWithAHiddenCharacterInTheUserId_Is400NamingThePosition(string escapedId, string expected)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client(Keys.Reader).GetAsync(new Uri($"v1/users/{escapedId}/analytics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, Assert.Single((await ProblemJson.ReadAsync(response)).Errors["userId"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReadWithANulInThePath_IsRefusedByKestrelBeforeTheApi()
    {
        // Kestrel refuses %00 in a path itself (400, empty body); such an id can no longer be written either.
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client(Keys.Reader).GetAsync(new Uri("v1/users/a%00b/analytics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AUserIdOf128Emoji_IsWritableAndReadable()
    {
        await using var api = await TestApi.StartAsync();
        var userId = string.Concat(Enumerable.Repeat("😀", 128));

        using var write = await api.Client().SendAsync(TestApi.Post("v1/workouts", Bodies.Workout(userId: userId)));
        using var read = await api.Client(Keys.Reader).GetAsync(new Uri($"v1/users/{Uri.EscapeDataString(userId)}/analytics", UriKind.Relative));
        using var over = await api.Client(Keys.Reader).GetAsync(new Uri($"v1/users/{Uri.EscapeDataString(userId + "😀")}/analytics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal("must be at most 128 characters long, was 129", Assert.Single((await ProblemJson.ReadAsync(over)).Errors["userId"]));
        _ = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
    }
}
