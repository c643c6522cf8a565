using System.Collections.Concurrent;
using GymCoach.Contracts.Storage;

namespace GymCoach.Benchmarks.Pipeline;

/// <summary>Passes every call to the real store and counts, per operation, the calls and the items read, written and refused.</summary>
/// <remarks>
/// Counted at the <see cref="IItemStore"/> seam, so the figures mean the same on every backend: a call is one store
/// operation however many DynamoDB requests it takes (see <c>DynamoDbItemStore.Statistics</c> for those). A call that
/// throws counts as a call with no items.
/// </remarks>
internal sealed class CountingItemStore(IItemStore inner) : IItemStore
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>The counts since creation or the last <see cref="Reset"/>, one per operation called, by name.</summary>
    public IReadOnlyList<OperationCounts> Snapshot() =>
        [.. _counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Snapshot(c.Key))];

    /// <summary>Starts counting from zero; call it only while nothing uses the store.</summary>
    public void Reset() => _counters.Clear();

    public async Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken)
    {
        var counter = Called("Get");
        var item = await inner.GetAsync(partitionKey, sortKey, cancellationToken);
        counter.Add(read: item is null ? 0 : 1);
        return item;
    }

    public async Task<IReadOnlyList<StoredItem?>> GetManyAsync(IReadOnlyList<ItemKey> keys, CancellationToken cancellationToken)
    {
        var counter = Called("GetMany");
        var items = await inner.GetManyAsync(keys, cancellationToken);
        counter.Add(read: items.Count(static item => item is not null));
        return items;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken)
    {
        var counter = Called("Write");
        var results = await inner.WriteAsync(writes, cancellationToken);
        var written = results.Count(r => r.Written);
        counter.Add(written: written, refused: results.Count - written);
        return results;
    }

    public async Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var counter = Called("Query");
        var page = await inner.QueryAsync(partitionKey, sortKeyPrefix, limit, continuationToken, cancellationToken);
        counter.Add(read: page.Items.Count);
        return page;
    }

    private Counter Called(string operation)
    {
        var counter = _counters.GetOrAdd(operation, static _ => new Counter());
        counter.Called();
        return counter;
    }

    /// <summary>What one operation cost: calls, items returned, items written and conditional writes refused.</summary>
    public sealed record OperationCounts(string Operation, long Calls, long ItemsRead, long ItemsWritten, long WritesRefused);

    private sealed class Counter
    {
        private long _calls;
        private long _read;
        private long _written;
        private long _refused;

        public void Called() => Interlocked.Increment(ref _calls);

        public void Add(int read = 0, int written = 0, int refused = 0)
        {
            Interlocked.Add(ref _read, read);
            Interlocked.Add(ref _written, written);
            Interlocked.Add(ref _refused, refused);
        }

        public OperationCounts Snapshot(string operation) =>
            new(operation, Interlocked.Read(ref _calls), Interlocked.Read(ref _read), Interlocked.Read(ref _written), Interlocked.Read(ref _refused));
    }
}
