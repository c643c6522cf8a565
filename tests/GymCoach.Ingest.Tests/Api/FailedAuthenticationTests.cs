using System.Net;
using GymCoach.Ingest.Tests.Support;

namespace GymCoach.Ingest.Tests.Api;

/// <summary>Guessing keys: after a few wrong keys from one address, that address is refused for a while, right key or not.</summary>
public sealed class FailedAuthenticationTests
{
    [Fact]
    public async Task WrongKeysOverTheLimit_Are429WithRetryAfter_AndTheRightKeyIsRefusedToo()
    {
        await using var api = await TestApi.StartAsync(options =>
        {
            options.MaxFailedAuthentications = 3;
            options.FailedAuthenticationWindow = TimeSpan.FromMinutes(1);
        });
        var guesser = api.Client("gck_guess_number_0001");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await guesser.SendAsync(TestApi.Post("v1/workouts", Bodies.Workout()));
            statuses.Add(response.StatusCode);
        }

        using var right = await api.Client(Keys.Writer).SendAsync(TestApi.Post("v1/workouts", Bodies.Workout()));

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.FromSeconds(30), $"Retry-After was {right.Headers.RetryAfter}");
        Assert.Contains("authentication", (await ProblemJson.ReadAsync(right)).Title, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task AfterTheWindow_TheAddressMayTryAgain()
    {
        await using var api = await TestApi.StartAsync(options =>
        {
            options.MaxFailedAuthentications = 1;
            options.FailedAuthenticationWindow = TimeSpan.FromSeconds(1);
        });
        using (var wrong = await api.Client("gck_guess_number_0002").GetAsync(new Uri("v1/users/alice/analytics", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var locked = await api.Client(Keys.Reader).GetAsync(new Uri("v1/users/alice/analytics", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        using var later = await api.Client(Keys.Reader).GetAsync(new Uri("v1/users/alice/analytics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, later.StatusCode);
    }

    [Fact]
    public async Task RequestsWithoutAKey_AreNotGuesses()
    {
        await using var api = await TestApi.StartAsync(options => options.MaxFailedAuthentications = 1);

        for (var i = 0; i < 3; i++)
        {
            using var missing = await api.Client(null).SendAsync(TestApi.Post("v1/workouts", Bodies.Workout()));
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        }

        using var right = await api.Client(Keys.Writer).SendAsync(TestApi.Post("v1/workouts", Bodies.Workout()));
        Assert.Equal(HttpStatusCode.Accepted, right.StatusCode);
    }

    [Fact]
    public async Task TheLimitMustBePositive()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TestApi.StartAsync(options =>
        {
            options.MaxFailedAuthentications = 0;
            options.FailedAuthenticationWindow = TimeSpan.Zero;
        }));

        Assert.Contains("MaxFailedAuthentications", error.Message, StringComparison.Ordinal);
        Assert.Contains("FailedAuthenticationWindow", error.Message, StringComparison.Ordinal);
    }
}
