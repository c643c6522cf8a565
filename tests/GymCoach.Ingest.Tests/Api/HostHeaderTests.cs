using System.Net;
using GymCoach.Ingest.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Tests.Api;

/// <summary>DNS rebinding: a web page whose host name now points at 127.0.0.1 must not read the API, so foreign Host headers are refused.</summary>
public sealed class HostHeaderTests
{
    [Theory]
    [InlineData("/ready")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/dashboard")]
    [InlineData("/v1/users/alice/analytics")]
    public async Task ForeignHost_Is400_OnEveryEndpoint(string path)
    {
        await using var api = await StartWithDashboardAsync();

        using var response = await SendAsync(api, path, "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemJson.ReadAsync(response);
        Assert.Contains("Host", problem.Errors.Keys);
        Assert.Contains("evil.example", problem.Root.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:8080")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:1234")]
    [InlineData("[::1]")]
    [InlineData("[::1]:8080")]
    public async Task LoopbackHost_IsServed_WithAnyPort(string host)
    {
        await using var api = await StartWithDashboardAsync();

        using var response = await SendAsync(api, "/dashboard", host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ConfiguredHost_IsServed_AndLoopbackNoLongerImplied()
    {
        await using var api = await TestApi.StartAsync(options => options.AllowedHosts = ["gymcoach.internal"]);

        using var configured = await SendAsync(api, "/health", "gymcoach.internal:8080");
        using var loopback = await SendAsync(api, "/health", "localhost");

        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, loopback.StatusCode);
    }

    [Fact]
    public async Task AnInvalidAllowedHost_IsRefusedAtStartup()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TestApi.StartAsync(options => options.AllowedHosts = ["ok.example", "bad host/"]));

        Assert.Contains("AllowedHosts[1]", error.Message, StringComparison.Ordinal);
    }

    private static Task<TestApi> StartWithDashboardAsync() =>
        TestApi.StartAsync(mapEndpoints: endpoints => endpoints.MapGet("/dashboard", () => Results.Text("dashboard")));

    private static async Task<HttpResponseMessage> SendAsync(TestApi api, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path.TrimStart('/'), UriKind.Relative));
        request.Headers.Host = host;
        request.Headers.Add("X-Api-Key", Keys.Reader);
        return await api.Client(null).SendAsync(request);
    }
}
