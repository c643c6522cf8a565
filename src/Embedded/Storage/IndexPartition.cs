using GymCoach.Contracts.Storage;
using GymCoach.Workers.Storage;

namespace GymCoach.Embedded.Storage;

/// <summary>The indexed items of one secondary index partition, sorted by <see cref="IndexPosition.Order"/>, behind a lock.</summary>
internal sealed class IndexPartition
{
    private readonly Lock _gate = new();
    private readonly SortedList<IndexPosition, StoredItem> _items = new(IndexPosition.Order);

    public void Add(StoredItem item)
    {
        lock (_gate)
        {
            _items[IndexPosition.Of(item)] = item;
        }
    }

    public void Remove(StoredItem item)
    {
        lock (_gate)
        {
            _items.Remove(IndexPosition.Of(item));
        }
    }

    /// <summary>Up to <paramref name="limit"/> live items under the prefix after <paramref name="after"/>; the last position when more follow.</summary>
    public (IReadOnlyList<StoredItem> Items, IndexPosition? Last) Query(string prefix, IndexPosition? after, int limit, DateTimeOffset now)
    {
        lock (_gate)
        {
            var keys = _items.Keys;
            var values = _items.Values;
            var index = LowerBound(keys, new IndexPosition(prefix, string.Empty, string.Empty));
            if (after is { } start && string.CompareOrdinal(start.IndexSortKey, prefix) >= 0)
            {
                index = Math.Max(index, UpperBound(keys, start));
            }

            var page = new List<StoredItem>(Math.Min(limit, 64));
            for (; index < keys.Count && keys[index].IndexSortKey.StartsWith(prefix, StringComparison.Ordinal); index++)
            {
                var item = values[index];
                if (item.ExpiresAt is { } expiresAt && expiresAt <= now)
                {
                    continue;
                }

                if (page.Count == limit)
                {
                    return (page, IndexPosition.Of(page[^1]));
                }

                page.Add(item);
            }

            return (page, null);
        }
    }

    // First index whose position is >= position.
    private static int LowerBound(IList<IndexPosition> keys, IndexPosition position)
    {
        int low = 0, high = keys.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (IndexPosition.Order.Compare(keys[middle], position) < 0)
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

    // First index whose position is > position.
    private static int UpperBound(IList<IndexPosition> keys, IndexPosition position)
    {
        var index = LowerBound(keys, position);
        return index < keys.Count && keys[index] == position ? index + 1 : index;
    }
}
