using GymCoach.Contracts.Storage;

namespace GymCoach.Embedded.Storage;

/// <summary>The items of one partition, sorted by sort key (ordinal), behind a lock.</summary>
/// <remarks>
/// A sorted list keeps seeks O(log n) and in-order scans cache-friendly; inserts shift the tail, which is cheap for
/// the typical append-mostly keys (timestamps, sequence numbers).
/// </remarks>
internal sealed class ItemPartition
{
    private readonly Lock _gate = new();
    private readonly SortedList<string, StoredItem> _items = new(StringComparer.Ordinal);

    public StoredItem? Get(string sortKey, DateTimeOffset now)
    {
        lock (_gate)
        {
            return TryGetLive(sortKey, now, out var item) ? item : null;
        }
    }

    /// <summary>Held by every write across its partitions (see <see cref="PartitionLocks"/>).</summary>
    public Lock Gate => _gate;

    /// <summary>Under <see cref="Gate"/>: set when a sweep removed this empty partition from the store; nothing may be written to it.</summary>
    public bool Retired { get; private set; }

    /// <summary>Under <see cref="Gate"/>: whether the write's condition holds, changing nothing but dropping an expired item.</summary>
    public WriteResult Check(ItemWrite write, DateTimeOffset now)
    {
        if (!TryGetLive(write.Item.SortKey, now, out var existing))
        {
            return WriteResult.Success;
        }

        var refused = write.Condition switch
        {
            WriteCondition.IfNotExists => true,
            WriteCondition.IfNewerVersion => existing.Version >= write.Item.Version,
            _ => false,
        };
        return refused ? WriteResult.Refused(existing) : WriteResult.Success;
    }

    /// <summary>Under <see cref="Gate"/>: stores the item, replacing what has its key; returns what it replaced.</summary>
    public StoredItem? Apply(StoredItem item)
    {
        _items.TryGetValue(item.SortKey, out var previous);
        _items[item.SortKey] = item;
        return previous;
    }

    /// <summary>Under <see cref="Gate"/>: undoes <see cref="Apply"/>, putting back what it replaced.</summary>
    public void Revert(StoredItem applied, StoredItem? previous)
    {
        if (previous is null)
        {
            _items.Remove(applied.SortKey);
        }
        else
        {
            _items[applied.SortKey] = previous;
        }
    }

    /// <summary>Under <see cref="Gate"/>: drops every expired item; an emptied partition is retired. Returns how many were dropped.</summary>
    public int RemoveExpired(DateTimeOffset now)
    {
        var expired = _items.Values.Where(item => IsExpired(item, now)).ToList();
        foreach (var item in expired)
        {
            _items.Remove(item.SortKey);
        }

        Retired = _items.Count == 0;
        return expired.Count;
    }

    /// <summary>Up to <paramref name="limit"/> live items under the prefix after <paramref name="after"/>; the last key when more follow.</summary>
    public (IReadOnlyList<StoredItem> Items, string? LastKey) Query(string prefix, string? after, int limit, DateTimeOffset now)
    {
        lock (_gate)
        {
            var keys = _items.Keys;
            var values = _items.Values;
            var index = LowerBound(keys, prefix);
            if (after is not null && string.CompareOrdinal(after, prefix) >= 0)
            {
                index = Math.Max(index, UpperBound(keys, after));
            }

            var page = new List<StoredItem>(Math.Min(limit, 64));
            for (; index < keys.Count && keys[index].StartsWith(prefix, StringComparison.Ordinal); index++)
            {
                var item = values[index];
                if (IsExpired(item, now))
                {
                    continue;
                }

                if (page.Count == limit)
                {
                    return (page, page[^1].SortKey);
                }

                page.Add(item);
            }

            return (page, null);
        }
    }

    private static bool IsExpired(StoredItem item, DateTimeOffset now) => item.ExpiresAt is { } expiresAt && expiresAt <= now;

    // First index whose key is >= key.
    private static int LowerBound(IList<string> keys, string key)
    {
        int low = 0, high = keys.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(keys[middle], key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // First index whose key is > key.
    private static int UpperBound(IList<string> keys, string key)
    {
        var index = LowerBound(keys, key);
        return index < keys.Count && string.Equals(keys[index], key, StringComparison.Ordinal) ? index + 1 : index;
    }

    // Under the lock: an expired item is dropped on sight (DynamoDB's lazy TTL delete).
    private bool TryGetLive(string sortKey, DateTimeOffset now, out StoredItem item)
    {
        if (!_items.TryGetValue(sortKey, out item!))
        {
            return false;
        }

        if (!IsExpired(item, now))
        {
            return true;
        }

        _items.Remove(sortKey);
        return false;
    }
}
