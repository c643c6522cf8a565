using System.Net;
using System.Security.Cryptography;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Storage;
using GymCoach.Ingest.Tests.Support;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Storage;

namespace GymCoach.Ingest.Tests.Api;

public sealed class AnalyticsEndpointTests
{
    private static readonly DateTimeOffset ComputedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task StoredDocument_IsServedExactly_ThenFromTheCache()
    {
        await using var api = await TestApi.StartAsync();
        var document = Document("alice", 2);
        await StoreAsync(api.Store, document);
        var client = api.Client(Keys.Reader);

        using var first = await client.GetAsync(new Uri("v1/users/alice/analytics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(AnalyticsJson.Serialize(document), await first.Content.ReadAsStringAsync());
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("private", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(60), first.Headers.CacheControl!.MaxAge);
        var hits = api.Cache.Hits;

        // The store changes behind the cache's back: the second read must not see it.
        await StoreAsync(api.Store, Document("alice", 3));
        using var second = await client.GetAsync(new Uri("v1/users/alice/analytics", UriKind.Relative));

        Assert.Equal(AnalyticsJson.Serialize(document), await second.Content.ReadAsStringAsync());
        Assert.Equal(hits + 1, api.Cache.Hits);
    }

    [Fact]
    public async Task ETag_AnswersIfNoneMatchWith304()
    {
        await using var api = await TestApi.StartAsync();
        await StoreAsync(api.Store, Document("alice", 1));
        var client = api.Client(Keys.Reader);
        using var first = await client.GetAsync(new Uri("v1/users/alice/analytics", UriKind.Relative));
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/users/alice/analytics");
        request.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(etag, revalidated.Headers.ETag);
    }

    [Fact]
    public async Task ALargeDocument_CachedCompressed_IsServedExactly_WithTheETagOfItsBody()
    {
        await using var api = await TestApi.StartAsync();
        var document = Document("alice", 60);
        await StoreAsync(api.Store, document);
        var client = api.Client(Keys.Reader);
        var json = AnalyticsJson.SerializeToUtf8Bytes(document);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 16)) + "\"";

        // The first read loads from the store, the second is a hit on the compressed entry: both serve the same bytes.
        foreach (var _ in new[] { "miss", "hit" })
        {
            using var response = await client.GetAsync(new Uri("v1/users/alice/analytics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(json, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(json.Length, response.Content.Headers.ContentLength);
            Assert.Equal(etag, response.Headers.ETag!.Tag);
        }

        Assert.True(json.Length > 1024);
        Assert.Equal(1, api.Cache.CompressedCount);
        Assert.Equal(1, api.Cache.Hits);
    }

    [Fact]
    public async Task UnknownUser_Is404Problem()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client(Keys.Reader).GetAsync(new Uri("v1/users/nobody/analytics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ProblemJson.ReadAsync(response)).Status);
    }

    private static AnalyticsDocument Document(string userId, int workouts)
    {
        var logged = Enumerable.Range(0, workouts).Select(i => new WorkoutLogged
        {
            WorkoutId = $"{userId}-{i}",
            UserId = userId,
            PerformedAt = new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero).AddDays(7 * i),
            DurationSeconds = 3600,
            Unit = WeightUnit.Kg,
            Exercises = [new ExerciseEntry { ExerciseId = "back-squat", Sets = [new SetEntry { Reps = 5, Weight = 100m + i }] }],
        });
        return AnalyticsDocument.From(AnalyticsCalculator.Compute(userId, logged, ComputedAt.AddMinutes(workouts)));
    }

    private static async Task StoreAsync(IItemStore store, AnalyticsDocument document) =>
        await store.WriteAsync(
            [new ItemWrite(new StoredItem
            {
                PartitionKey = TableKeys.UserPartition(document.UserId),
                SortKey = TableKeys.AnalyticsSortKey,
                Data = AnalyticsJson.Serialize(document),
                Version = document.ComputedFromWorkouts,
            })],
            CancellationToken.None);
}
