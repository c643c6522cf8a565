using BitFaster.Caching.Lru;
using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Handlers;

/// <summary>One fold per user at a time in this process, and the analytics items its recent folds wrote.</summary>
/// <remarks>
/// Concurrent chunks of one invocation (and concurrent invocations of one process) often name the same users. Left to
/// race, their transactions refuse each other and each loser reads again and retries; queued behind a per-user lock,
/// each fold instead starts from the item the previous one wrote, so it commits the first time. Folds in other
/// processes are still settled by the transaction's conditions. A lock lives only while someone holds or waits for it;
/// the written items are kept for the most recently folded users (a chunk may have read its state just before the
/// previous fold of its user wrote). A kept item is only used when it is newer than what the chunk read.
/// </remarks>
internal sealed class UserFoldLocks
{
    /// <summary>Users whose last written analytics item is kept: more than the users of a few invocations' chunks.</summary>
    private const int WrittenCapacity = 10_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentLru<string, StoredItem> _written = new(WrittenCapacity);

    /// <summary>Waits until no other fold of <paramref name="userId"/> runs in this process.</summary>
    public async Task<Lease> AcquireAsync(string userId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(userId, out entry!))
            {
                _entries[userId] = entry = new Entry();
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(userId, entry);
            throw;
        }

        return new Lease(this, userId, entry, _written);
    }

    private void Leave(string userId, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(userId);
            }
        }
    }

    /// <summary>Holds a user's lock until disposed.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly UserFoldLocks _owner;
        private readonly string _userId;
        private readonly Entry _entry;
        private readonly ConcurrentLru<string, StoredItem> _written;
        private bool _disposed;

        internal Lease(UserFoldLocks owner, string userId, Entry entry, ConcurrentLru<string, StoredItem> written)
        {
            _owner = owner;
            _userId = userId;
            _entry = entry;
            _written = written;
        }

        /// <summary>The newer of <paramref name="read"/> and the analytics item a fold of this process wrote last.</summary>
        public StoredItem? Newest(StoredItem? read) =>
            _written.TryGet(_userId, out var written) && (read is null || written.Version > read.Version) ? written : read;

        /// <summary>Records the analytics item a fold just wrote, for the next fold of the user to start from.</summary>
        public void Wrote(StoredItem item) => _written.AddOrUpdate(_userId, item);

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _entry.Gate.Release();
            _owner.Leave(_userId, _entry);
        }
    }

    internal sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
