using System.Net;
using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Storage;
using GymCoach.Ingest.Tests.Support;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Storage;

namespace GymCoach.Ingest.Tests.Api;

public sealed class ProfileEndpointTests
{
    private static readonly DateTimeOffset UpdatedAt = new(2026, 11, 20, 8, 15, 0, TimeSpan.Zero);

    [Fact]
    public async Task AStoredProfile_IsServed_ThenFromTheCache_WithAPrivateRevalidatedETag()
    {
        await using var api = await TestApi.StartAsync();
        await StoreAsync(api.Store, "alice", "Alice", UpdatedAt);
        var client = api.Client(Keys.ProfileReader);

        using var first = await client.GetAsync(new Uri("v1/users/alice/profile", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            """{"userId":"alice","displayName":"Alice","bodyweight":61.5,"unit":"kg","goals":["strength","mobility"],"updatedAt":"2026-11-20T08:15:00+00:00"}""",
            await first.Content.ReadAsStringAsync());
        Assert.True(first.Headers.CacheControl!.Private);
        Assert.True(first.Headers.CacheControl.NoCache);
        Assert.False(first.Headers.ETag!.IsWeak);

        // The store changes behind the cache's back: within the cache's 5 minutes the second read does not see it.
        await StoreAsync(api.Store, "alice", "Alice Renamed", UpdatedAt.AddHours(1));
        using var second = await client.GetAsync(new Uri("v1/users/alice/profile", UriKind.Relative));

        Assert.Contains("\"displayName\":\"Alice\"", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(new CacheStatistics(CacheTypes.Profile, Hits: 1, Misses: 1), api.ReadCaches.Profiles.Statistics);
    }

    [Fact]
    public async Task IfNoneMatch_WithTheCurrentETag_Is304WithoutABody()
    {
        await using var api = await TestApi.StartAsync();
        await StoreAsync(api.Store, "alice", "Alice", UpdatedAt);
        var client = api.Client(Keys.ProfileReader);
        using var first = await client.GetAsync(new Uri("v1/users/alice/profile", UriKind.Relative));

        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/users/alice/profile");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var revalidated = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(first.Headers.ETag, revalidated.Headers.ETag);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnUnknownUser_Is404Problem_AndIsNotCached()
    {
        await using var api = await TestApi.StartAsync();
        var client = api.Client(Keys.ProfileReader);

        using var response = await client.GetAsync(new Uri("v1/users/nobody/profile", UriKind.Relative));
        await StoreAsync(api.Store, "nobody", "Now Somebody", UpdatedAt);
        using var afterWrite = await client.GetAsync(new Uri("v1/users/nobody/profile", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No profile for this user", (await ProblemJson.ReadAsync(response)).Title);
        Assert.Equal(HttpStatusCode.OK, afterWrite.StatusCode);
    }

    [Theory]
    [InlineData("a%1Bb")]
    [InlineData("ab%E2%80%AE")]
    [InlineData("%E2%80%8Buser")]
    public async Task ABadUserId_Is400ProblemNamingTheField(string userId)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client(Keys.ProfileReader).GetAsync(new Uri($"v1/users/{userId}/profile", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("userId", (await ProblemJson.ReadAsync(response)).Errors.Keys);
    }

    [Fact]
    public async Task WithoutAKey_Is401_AndAKeyWithoutProfilesRead_Is403()
    {
        await using var api = await TestApi.StartAsync();
        await StoreAsync(api.Store, "alice", "Alice", UpdatedAt);

        using var anonymous = await api.Client(null).GetAsync(new Uri("v1/users/alice/profile", UriKind.Relative));
        using var analyticsReader = await api.Client(Keys.Reader).GetAsync(new Uri("v1/users/alice/profile", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(401, (await ProblemJson.ReadAsync(anonymous)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, analyticsReader.StatusCode);
        Assert.Contains("profiles:read", (await ProblemJson.ReadAsync(analyticsReader)).Root.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, api.ReadCaches.Profiles.Statistics.Misses);
    }

    private static async Task StoreAsync(IItemStore store, string userId, string displayName, DateTimeOffset updatedAt)
    {
        var profile = new StoredProfile
        {
            Profile = new ProfileUpdated { UserId = userId, DisplayName = displayName, Bodyweight = 61.5m, Unit = WeightUnit.Kg, Goals = ["strength", "mobility"] },
            UpdatedAt = updatedAt,
            EventId = "evt-" + displayName,
        };
        await store.WriteAsync(
            [new ItemWrite(new StoredItem
            {
                PartitionKey = TableKeys.UserPartition(userId),
                SortKey = TableKeys.ProfileSortKey,
                Data = JsonSerializer.Serialize(profile, StorageJsonContext.Default.StoredProfile),
                Version = updatedAt.ToUnixTimeMilliseconds(),
            })],
            CancellationToken.None);
    }
}
