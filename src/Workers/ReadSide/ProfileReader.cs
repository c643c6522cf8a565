using System.Text.Json;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Storage;

namespace GymCoach.Workers.ReadSide;

/// <summary>Serves users' profiles cache-first as the JSON the API sends: a hit never touches the store.</summary>
/// <remarks>A cached profile may be up to <see cref="CacheOptions.UserDataTtl"/> older than the store (see <see cref="ProfileCache"/>).</remarks>
public sealed class ProfileReader(IItemStore store, ProfileCache cache)
{
    /// <summary>The user's profile document and its ETag, or null when no profile update of theirs has been stored.</summary>
    public Task<CachedJson?> GetJsonAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return cache.GetOrAddAsync(userId, token => LoadAsync(userId, token), cancellationToken);
    }

    private async Task<CachedJson?> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        var item = await store.GetAsync(TableKeys.UserPartition(userId), TableKeys.ProfileSortKey, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize(item.Data, StorageJsonContext.Default.StoredProfile)
            ?? throw new JsonException("A stored profile is null.");
        var document = new ProfileDocument
        {
            UserId = stored.Profile.UserId,
            DisplayName = stored.Profile.DisplayName,
            Bodyweight = stored.Profile.Bodyweight,
            Unit = stored.Profile.Unit,
            Goals = stored.Profile.Goals,
            UpdatedAt = stored.UpdatedAt,
        };
        return new CachedJson(JsonSerializer.SerializeToUtf8Bytes(document, ReadSideJsonContext.Default.ProfileDocument));
    }
}
