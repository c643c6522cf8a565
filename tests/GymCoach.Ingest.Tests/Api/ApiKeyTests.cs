using System.Net;
using GymCoach.Ingest.Tests.Support;

namespace GymCoach.Ingest.Tests.Api;

public sealed class ApiKeyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("gck_not_a_key")]
    [InlineData("")]
    public async Task MissingOrUnknownKey_Is401WithAChallenge(string? key)
    {
        await using var api = await TestApi.StartAsync();
        var client = api.Client(null);
        using var request = TestApi.Post("v1/workouts", Bodies.Workout());
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(401, (await ProblemJson.ReadAsync(response)).Status);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task KeyWithoutTheOperation_Is403()
    {
        await using var api = await TestApi.StartAsync();

        using var write = await api.Client(Keys.Reader).SendAsync(TestApi.Post("v1/workouts", Bodies.Workout()));
        using var read = await api.Client(Keys.OtherWriter).GetAsync(new Uri("v1/users/alice/analytics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("workouts:write", (await ProblemJson.ReadAsync(write)).Root.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task KeyOverItsRate_Is429WithRetryAfter_OtherKeysUnaffected()
    {
        await using var api = await TestApi.StartAsync();
        var limited = api.Client(Keys.Limited);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 4 && throttled is null; i++)
        {
            var response = await limited.SendAsync(TestApi.Post("v1/workouts", Bodies.Workout($"w-{i}")));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throttled = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(throttled);
        using (throttled)
        {
            Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
            Assert.True(throttled.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal(429, (await ProblemJson.ReadAsync(throttled)).Status);
        }

        using var other = await api.Client().SendAsync(TestApi.Post("v1/workouts", Bodies.Workout("w-other")));
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }
}
