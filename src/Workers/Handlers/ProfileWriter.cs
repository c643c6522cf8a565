using System.Text.Json;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Storage;

namespace GymCoach.Workers.Handlers;

/// <summary>Stores a chunk's profile updates, last write by event time wins: an older event never overwrites a newer one.</summary>
/// <remarks>The event time in milliseconds is the item's version, so the store's conditional write makes the decision, race-free.</remarks>
internal sealed class ProfileWriter(IItemStore store)
{
    private readonly Dictionary<string, StoredProfile> _newestByUser = new(StringComparer.Ordinal);

    public void Add(SqsMessage message, CloudEvent<ProfileUpdated> profileEvent)
    {
        if (profileEvent.Time is not { } time)
        {
            throw new PoisonMessageException($"profile update '{profileEvent.Id}' has no time: last-write-wins needs the event's 'time'");
        }

        var candidate = new StoredProfile { Profile = profileEvent.Data, UpdatedAt = time.ToUniversalTime(), EventId = profileEvent.Id };
        if (!_newestByUser.TryGetValue(candidate.Profile.UserId, out var current) || IsNewer(candidate, current))
        {
            _newestByUser[candidate.Profile.UserId] = candidate;
        }
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_newestByUser.Count == 0)
        {
            return;
        }

        var writes = new List<ItemWrite>(_newestByUser.Count);
        foreach (var profile in _newestByUser.Values)
        {
            writes.Add(new ItemWrite(
                new StoredItem
                {
                    PartitionKey = TableKeys.UserPartition(profile.Profile.UserId),
                    SortKey = TableKeys.ProfileSortKey,
                    Data = JsonSerializer.Serialize(profile, StorageJsonContext.Default.StoredProfile),
                    Version = profile.UpdatedAt.ToUnixTimeMilliseconds(),
                },
                WriteCondition.IfNewerVersion));
        }

        // A refused write means a newer profile is stored already: the older event is applied by being ignored.
        await store.WriteAsync(writes, cancellationToken);
    }

    private static bool IsNewer(StoredProfile candidate, StoredProfile current) =>
        candidate.UpdatedAt > current.UpdatedAt
        || (candidate.UpdatedAt == current.UpdatedAt && string.CompareOrdinal(candidate.EventId, current.EventId) > 0);
}
