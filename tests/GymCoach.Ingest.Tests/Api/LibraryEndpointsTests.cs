using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GymCoach.Ingest.Tests.Support;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Plans;

namespace GymCoach.Ingest.Tests.Api;

public sealed class LibraryEndpointsTests
{
    [Theory]
    [InlineData("v1/exercises")]
    [InlineData("v1/plans")]
    public async Task AStaticDocument_IsServedWithAStrongETag_AndAnHourOfPublicCaching(string path)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client(Keys.OtherWriter).GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl.MaxAge);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(CachedJson.EntityTagOf(body), response.Headers.ETag!.Tag);
        Assert.False(response.Headers.ETag.IsWeak);
    }

    [Fact]
    public async Task TheExerciseLibrary_ListsEveryExerciseWorkoutsCanName()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client(Keys.Reader).GetAsync(new Uri("v1/exercises", UriKind.Relative));

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var exercises = document.RootElement.GetProperty("exercises").EnumerateArray().ToList();
        Assert.Equal(ExerciseLibrary.All.Select(e => e.Id), exercises.Select(e => e.GetProperty("id").GetString()));
        var squat = exercises.Single(e => e.GetProperty("id").GetString() == "back-squat");
        Assert.Equal("Back Squat", squat.GetProperty("name").GetString());
        Assert.Equal("quadriceps", squat.GetProperty("muscleGroup").GetString());
        Assert.Equal("barbell", squat.GetProperty("equipment").GetString());
    }

    [Fact]
    public async Task ThePlans_AreTheVersionedTemplates_NamingOnlyLibraryExercises()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client(Keys.Reader).GetAsync(new Uri("v1/plans", UriKind.Relative));

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var plans = document.RootElement.GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal(PlanLibrary.All.Select(p => p.Id), plans.Select(p => p.GetProperty("id").GetString()));
        var starting = plans.Single(p => p.GetProperty("id").GetString() == "starting-strength");
        Assert.Equal(1, starting.GetProperty("version").GetInt32());
        Assert.Equal(3, starting.GetProperty("daysPerWeek").GetInt32());
        var used = plans.SelectMany(p => p.GetProperty("sessions").EnumerateArray())
            .SelectMany(s => s.GetProperty("exercises").EnumerateArray())
            .Select(e => e.GetProperty("exerciseId").GetString()!);
        Assert.All(used, id => Assert.True(ExerciseLibrary.TryGet(id, out _), $"{id} is not in the exercise library"));
    }

    [Theory]
    [InlineData("v1/exercises")]
    [InlineData("v1/plans")]
    public async Task IfNoneMatch_WithTheETag_Is304_AndAnotherETag_Is200(string path)
    {
        await using var api = await TestApi.StartAsync();
        var client = api.Client(Keys.Reader);
        using var first = await client.GetAsync(new Uri(path, UriKind.Relative));

        using var matching = new HttpRequestMessage(HttpMethod.Get, path);
        matching.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        matching.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(matching);
        using var other = new HttpRequestMessage(HttpMethod.Get, path);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var full = await client.SendAsync(other);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        Assert.Equal(TimeSpan.FromHours(1), notModified.Headers.CacheControl!.MaxAge);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    [Theory]
    [InlineData("v1/exercises")]
    [InlineData("v1/plans")]
    public async Task WithoutAValidKey_Is401Problem(string path)
    {
        await using var api = await TestApi.StartAsync();

        using var anonymous = await api.Client(null).GetAsync(new Uri(path, UriKind.Relative));
        using var wrong = await api.Client("gck_not_a_key").GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(401, (await ProblemJson.ReadAsync(anonymous)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task EveryRead_IsCountedAsAHitOrMissOfItsCacheType()
    {
        await using var api = await TestApi.StartAsync();
        var client = api.Client(Keys.Reader);

        foreach (var path in (string[])["v1/exercises", "v1/exercises", "v1/exercises", "v1/plans"])
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal(new CacheStatistics(CacheTypes.Exercises, Hits: 2, Misses: 1), api.ReadCaches.Exercises.Statistics);
        Assert.Equal(new CacheStatistics(CacheTypes.Plans, Hits: 0, Misses: 1), api.ReadCaches.Plans.Statistics);
    }
}
