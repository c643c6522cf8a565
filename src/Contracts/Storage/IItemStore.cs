namespace GymCoach.Contracts.Storage;

/// <summary>A key-value item store with DynamoDB semantics: the seam between the workers and the embedded or DynamoDB store.</summary>
/// <remarks>
/// Items live under a partition key and a sort key. Reads are strongly consistent. Writes in one call are
/// independent (not atomic): each succeeds or fails on its own condition, and the results come back in order.
/// </remarks>
public interface IItemStore
{
    Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken);

    /// <summary>Reads several items at once, strongly consistent; batched downstream (100 keys per BatchGetItem, retrying unprocessed keys).</summary>
    /// <returns>One entry per key, in order, null where no live item has the key; a key may appear more than once.</returns>
    Task<IReadOnlyList<StoredItem?>> GetManyAsync(IReadOnlyList<ItemKey> keys, CancellationToken cancellationToken);

    /// <summary>Writes the items, each under its own condition; batched downstream (25 per BatchWriteItem, retrying unprocessed items).</summary>
    /// <returns>One result per write, in order; a failed condition returns the item that is stored.</returns>
    Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken);

    /// <summary>One page of the items of a partition whose sort key starts with <paramref name="sortKeyPrefix"/>, ascending by sort key.</summary>
    /// <param name="continuationToken">Null for the first page, then the previous page's token.</param>
    Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken);
}
