using System.Collections.Concurrent;
using GymCoach.Contracts.Storage;

namespace GymCoach.Embedded.Storage;

/// <summary>The locks of every partition a store request writes, held until disposed.</summary>
/// <remarks>
/// Taken in ordinal order of partition key, so two requests never deadlock. A partition retired by a sweep (emptied and
/// removed from the store) while a request waited for it is let go and looked up again, so no write lands in it.
/// </remarks>
internal sealed class PartitionLocks : IDisposable
{
    private readonly SortedDictionary<string, ItemPartition> _partitions = new(StringComparer.Ordinal);
    private int _held;

    private PartitionLocks()
    {
    }

    public ItemPartition this[string partitionKey] => _partitions[partitionKey];

    public static PartitionLocks Take(IReadOnlyList<ItemWrite> writes, ConcurrentDictionary<string, ItemPartition> partitions)
    {
        var locks = new PartitionLocks();
        while (true)
        {
            locks._partitions.Clear();
            foreach (var write in writes)
            {
                var key = write.Item.PartitionKey;
                if (!locks._partitions.ContainsKey(key))
                {
                    locks._partitions.Add(key, partitions.GetOrAdd(key, static _ => new ItemPartition()));
                }
            }

            if (locks.TryEnterAll())
            {
                return locks;
            }
        }
    }

    public void Dispose()
    {
        foreach (var partition in _partitions.Values)
        {
            if (_held-- == 0)
            {
                break;
            }

            partition.Gate.Exit();
        }

        _held = 0;
    }

    private bool TryEnterAll()
    {
        foreach (var partition in _partitions.Values)
        {
            partition.Gate.Enter();
            _held++;
            if (partition.Retired)
            {
                Dispose();
                return false;
            }
        }

        return true;
    }
}
