namespace GymCoach.Aws.DynamoDb;

/// <summary>The thread-safe counters behind <see cref="DynamoDbStoreStatistics"/>.</summary>
internal sealed class DynamoDbStoreCounters
{
    private long _requests;
    private long _retries;
    private long _throttles;
    private long _unprocessedItems;
    private long _transactionConflicts;

    public void Request() => Interlocked.Increment(ref _requests);

    public void Retry() => Interlocked.Increment(ref _retries);

    public void Throttle() => Interlocked.Increment(ref _throttles);

    public void Unprocessed(int items) => Interlocked.Add(ref _unprocessedItems, items);

    public void TransactionConflict() => Interlocked.Increment(ref _transactionConflicts);

    public DynamoDbStoreStatistics Snapshot() => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _retries),
        Interlocked.Read(ref _throttles),
        Interlocked.Read(ref _unprocessedItems),
        Interlocked.Read(ref _transactionConflicts));
}
