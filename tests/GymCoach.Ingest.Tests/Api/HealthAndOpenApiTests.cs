using System.Net;
using System.Text.Json;
using GymCoach.Ingest.Tests.Support;

namespace GymCoach.Ingest.Tests.Api;

public sealed class HealthAndOpenApiTests
{
    [Fact]
    public async Task Health_NeedsNoKey()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client(null).GetAsync(new Uri("health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"healthy"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_WhenQueueAndStoreAnswer()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client(null).GetAsync(new Uri("ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ready","queue":"ok","store":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_Is503WithinTheTimeout_WhenTheStoreHangs()
    {
        await using var api = await TestApi.StartAsync(options => options.ReadinessTimeout = TimeSpan.FromMilliseconds(200), store: new UnresponsiveStore());

        var started = DateTimeOffset.UtcNow;
        using var response = await api.Client(null).GetAsync(new Uri("ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"unready","queue":"ok","store":"timeout"}""", await response.Content.ReadAsStringAsync());
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Ready_Is503_WhenTheStoreRefuses()
    {
        await using var api = await TestApi.StartAsync(store: new UnresponsiveStore(throws: true));

        using var response = await api.Client(null).GetAsync(new Uri("ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"unready","queue":"ok","store":"unreachable"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPathAndWrongMethod_AreProblems()
    {
        await using var api = await TestApi.StartAsync();
        var client = api.Client();

        using var unknown = await client.GetAsync(new Uri("v1/nothing-here", UriKind.Relative));
        using var wrongMethod = await client.GetAsync(new Uri("v1/workouts", UriKind.Relative));

        Assert.Equal(404, (await ProblemJson.ReadAsync(unknown)).Status);
        Assert.Equal(405, (await ProblemJson.ReadAsync(wrongMethod)).Status);
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryEndpoint_AndTheKeyScheme()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client(null).GetAsync(new Uri("openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        var listed = paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["/health", "/ready", "/v1/analytics/recompute", "/v1/exercises", "/v1/plans", "/v1/profiles", "/v1/users/{userId}/analytics", "/v1/users/{userId}/profile", "/v1/workouts", "/v1/workouts:batch"],
            listed);
        Assert.True(paths.GetProperty("/v1/workouts").GetProperty("post").TryGetProperty("requestBody", out _));
        var post = paths.GetProperty("/v1/workouts").GetProperty("post");
        Assert.True(post.TryGetProperty("security", out _));
        Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.False(paths.GetProperty("/health").GetProperty("get").TryGetProperty("security", out _));
        Assert.Equal("X-Api-Key", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString());
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("WorkoutLogged", out _));
        Assert.True(schemas.TryGetProperty("AnalyticsDocument", out _));
        Assert.True(schemas.TryGetProperty("ProfileDocument", out _));
        Assert.True(schemas.TryGetProperty("ExerciseLibraryDocument", out _));
        Assert.True(schemas.TryGetProperty("PlanLibraryDocument", out _));
        Assert.Contains("'profiles:read'", paths.GetProperty("/v1/users/{userId}/profile").GetProperty("get").GetProperty("description").GetString(), StringComparison.Ordinal);
        var plans = paths.GetProperty("/v1/plans").GetProperty("get");
        Assert.True(plans.TryGetProperty("security", out _));
        Assert.Contains("Needs a valid API key (any operation).", plans.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
