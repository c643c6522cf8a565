using System.Net;
using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Ingest.Tests.Support;

namespace GymCoach.Ingest.Tests.Api;

public sealed class ProfileAndRecomputeEndpointTests
{
    [Fact]
    public async Task Profile_GoesToTheWritesQueue_StampedWithTheRequestTime()
    {
        await using var api = await TestApi.StartAsync();
        var before = DateTimeOffset.UtcNow;

        using var response = await api.Client().SendAsync(TestApi.Post("v1/profiles", Bodies.Profile()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var cloudEvent = EventReader.ReadProfileUpdated(Assert.Single(await TestApi.ReceiveAllAsync(api.WritesQueue)).Body);
        Assert.Equal(EventTypes.ProfileUpdated, cloudEvent.Type);
        Assert.Equal("Alice", cloudEvent.Data.DisplayName);
        Assert.InRange(cloudEvent.Time!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Recompute_GoesToTheAnalyticsQueue()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client().SendAsync(TestApi.Post("v1/analytics/recompute", Bodies.Recompute("bob")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var cloudEvent = EventReader.ReadAnalyticsRecompute(Assert.Single(await TestApi.ReceiveAllAsync(api.AnalyticsQueue)).Body);
        Assert.Equal(body.RootElement.GetProperty("eventId").GetString(), cloudEvent.Id);
        Assert.Equal("bob", cloudEvent.Data.UserId);
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
    }

    [Fact]
    public async Task InvalidProfileAndRecompute_ListEveryBadField()
    {
        await using var api = await TestApi.StartAsync();
        var client = api.Client();

        using var profile = await client.SendAsync(TestApi.Post("v1/profiles",
            """{"userId":"","displayName":"A","bodyweight":0,"unit":"kg","goals":["", "ok"]}"""));
        using var recompute = await client.SendAsync(TestApi.Post("v1/analytics/recompute", Bodies.Recompute(" ", new string('x', 201))));

        Assert.Equal(["bodyweight", "goals[0]", "userId"], (await ProblemJson.ReadAsync(profile)).Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["reason", "userId"], (await ProblemJson.ReadAsync(recompute)).Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await TestApi.ReceiveAllAsync(api.WritesQueue));
        Assert.Empty(await TestApi.ReceiveAllAsync(api.AnalyticsQueue));
    }
}
