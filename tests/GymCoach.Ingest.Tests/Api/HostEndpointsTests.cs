using System.Net;
using GymCoach.Ingest.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Tests.Api;

public sealed class HostEndpointsTests
{
    [Fact]
    public async Task HostEndpoint_AnswersWithoutKey_WhileApiEndpointsStillNeedOne()
    {
        await using var api = await TestApi.StartAsync(mapEndpoints: endpoints => endpoints.MapGet("/local/hello", () => Results.Text("hi")));

        using var own = await api.Client(null).GetAsync(new Uri("local/hello", UriKind.Relative));
        using var analytics = await api.Client(null).GetAsync(new Uri("v1/users/user-1/analytics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("hi", await own.Content.ReadAsStringAsync());
        Assert.True(own.Headers.Contains("X-Correlation-Id"));
        Assert.Equal(HttpStatusCode.Unauthorized, analytics.StatusCode);
    }

    [Fact]
    public async Task HostEndpoint_IsLeftOutOfTheOpenApiDocument()
    {
        await using var api = await TestApi.StartAsync(mapEndpoints: endpoints => endpoints.MapGet("/local/hello", () => Results.Text("hi")));

        var document = await api.Client(null).GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative));

        Assert.DoesNotContain("/local/hello", document, StringComparison.Ordinal);
        Assert.Contains("/v1/workouts", document, StringComparison.Ordinal);
    }
}
