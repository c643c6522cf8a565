using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>The <see cref="IItemStore"/> on a DynamoDB table laid out by <see cref="TableDefinition"/>, with the embedded store's semantics.</summary>
/// <remarks>
/// <para>Reads are strongly consistent (GetItem and Query with ConsistentRead), except index queries: a global
/// secondary index is eventually consistent. Items past their expiry are filtered out everywhere, conditions included,
/// because TTL deletes them lazily.</para>
/// <para>Writes: unconditional ones go out as BatchWriteItem of 25; conditional ones as TransactWriteItems of up to
/// 100 (<see cref="TransactionItemWriter"/>) or, by option, as single PutItem calls (<see cref="ConditionalPutWriter"/>),
/// and a lone conditional write always as a PutItem;
/// up to <see cref="DynamoDbStoreOptions.MaxConcurrentRequests"/> requests at once. Several writes to one key in a
/// call are applied in list order (<see cref="WritePlan"/>). Throttling, transient errors and unprocessed items are
/// retried with backoff; a call that still fails throws <see cref="DynamoDbStoreException"/> carrying the results
/// that were confirmed.</para>
/// <para>Why transactions by default: measured on DynamoDB Local they wrote conditional items 1.2–1.4 times as fast as
/// concurrent PutItem calls; they need one request per 100 writes instead of 100 (Lambda time is billed while
/// waiting), and their ClientRequestToken makes a retry after a lost response exact. The price is twice the write
/// capacity and a whole transaction cancelled when another writer touches one of its items at the same moment
/// (retried); <see cref="ConditionalWriteMode.Puts"/> is the choice where write cost matters more.</para>
/// </remarks>
public sealed class DynamoDbItemStore : IItemStore
{
    /// <summary>The most items a query page returns (<see cref="TableDefinition.MaxPageSize"/>).</summary>
    public const int MaxPageSize = TableDefinition.MaxPageSize;

    private readonly IAmazonDynamoDB _client;
    private readonly DynamoDbStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly DynamoDbStoreCounters _counters = new();
    private readonly DynamoDbRetryPolicy _policy;
    private readonly BatchItemWriter _batches;
    private readonly TransactionItemWriter _transactions;
    private readonly BatchItemReader _reads;
    private readonly ConditionalPutWriter _puts;
    private readonly PageReader _pages;

    /// <param name="client">The process's shared client (<see cref="DynamoDbClientFactory"/>); the store does not dispose it.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public DynamoDbItemStore(IAmazonDynamoDB client, DynamoDbStoreOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _options = options ?? new DynamoDbStoreOptions();
        _options.Validate();
        _client = client;
        _time = timeProvider ?? TimeProvider.System;
        _policy = new DynamoDbRetryPolicy(_options, _counters, _time);
        _batches = new BatchItemWriter(client, _policy);
        _transactions = new TransactionItemWriter(client, _policy, _time);
        _reads = new BatchItemReader(client, _policy, _time);
        _puts = new ConditionalPutWriter(client, _policy, _time);
        _pages = new PageReader(client, _policy, _time);
    }

    public string TableName => _options.TableName;

    /// <summary>Requests, retries, throttles and unprocessed items so far.</summary>
    public DynamoDbStoreStatistics Statistics => _counters.Snapshot();

    public async Task<StoredItem?> GetAsync(string partitionKey, string sortKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentException.ThrowIfNullOrEmpty(sortKey);
        var request = new GetItemRequest { TableName = _options.TableName, Key = ItemAttributes.Key(partitionKey, sortKey), ConsistentRead = true };
        var response = await _policy.SendAsync(_policy.Budget("GetItem"), token => _client.GetItemAsync(request, token), cancellationToken);
        if (response.Item is not { Count: > 0 } attributes)
        {
            return null;
        }

        var item = ItemAttributes.ToItem(attributes);
        return ItemAttributes.IsExpired(item, _time.GetUtcNow()) ? null : item;
    }

    /// <inheritdoc/>
    /// <remarks>Distinct keys go out in BatchGetItem requests of 100, up to <see cref="DynamoDbStoreOptions.MaxConcurrentRequests"/> at once.</remarks>
    /// <exception cref="DynamoDbStoreException">A request failed for good.</exception>
    public async Task<IReadOnlyList<StoredItem?>> GetManyAsync(IReadOnlyList<ItemKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = new HashSet<ItemKey>(keys.Count);
        foreach (var key in keys)
        {
            ArgumentException.ThrowIfNullOrEmpty(key.PartitionKey);
            ArgumentException.ThrowIfNullOrEmpty(key.SortKey);
            distinct.Add(key);
        }

        var found = new Dictionary<ItemKey, StoredItem>(distinct.Count);
        await Parallel.ForEachAsync(
            distinct.Chunk(BatchItemReader.MaxBatchKeys),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRequests, CancellationToken = cancellationToken },
            async (batch, token) => await _reads.ReadAsync(batch, found, token));

        var items = new StoredItem?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            items[i] = found.GetValueOrDefault(keys[i]);
        }

        return items;
    }

    /// <inheritdoc/>
    /// <remarks>Writes to distinct keys go out together; a key's later writes wait for its earlier ones, so they apply in list order.</remarks>
    /// <exception cref="ArgumentException">A write breaks a DynamoDB limit or has an unknown condition; nothing is written.</exception>
    /// <exception cref="DynamoDbStoreException">A request failed for good; <see cref="DynamoDbStoreException.Results"/> holds what was confirmed.</exception>
    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ItemWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var write in writes)
        {
            ItemWriteRules.Validate(write);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var results = new WriteResult?[writes.Count];
        var failures = new ConcurrentQueue<Exception>();
        foreach (var wave in WritePlan.Waves(writes))
        {
            await Parallel.ForEachAsync(
                WritePlan.Requests(writes, wave, _options.ConditionalWrites == ConditionalWriteMode.Transactions ? WritePlan.MaxTransactionItems : 1),
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentRequests, CancellationToken = cancellationToken },
                async (plan, token) =>
                {
                    // After a failure, nothing new starts: the call fails anyway, and what is in flight finishes.
                    if (!failures.IsEmpty)
                    {
                        return;
                    }

                    try
                    {
                        await SendAsync(plan, writes, results, token);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        failures.Enqueue(exception);
                    }
                });

            if (!failures.IsEmpty)
            {
                throw Failed(results, failures);
            }
        }

        return results!;
    }

    /// <inheritdoc/>
    /// <remarks>The continuation token is the last returned sort key (base64url), the same as the embedded store's.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1–1000.</exception>
    /// <exception cref="ArgumentException">The continuation token was not made by a table query.</exception>
    public Task<ItemPage> QueryAsync(string partitionKey, string sortKeyPrefix, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentNullException.ThrowIfNull(sortKeyPrefix);
        CheckLimit(limit);
        var start = continuationToken is null ? null : ItemAttributes.Key(partitionKey, ContinuationToken.Decode(continuationToken));
        return _pages.ReadAsync(
            () => KeyQuery(partitionKey, sortKeyPrefix),
            start,
            limit,
            static item => ContinuationToken.Encode(item.SortKey),
            cancellationToken);
    }

    private Task SendAsync(WriteRequestPlan plan, IReadOnlyList<ItemWrite> writes, WriteResult?[] results, CancellationToken cancellationToken)
    {
        if (!plan.Conditional)
        {
            return _batches.WriteAsync(writes, plan.Indexes, results, cancellationToken);
        }

        // A transaction of one item buys nothing over a conditional PutItem but twice the write capacity. A PutItem
        // resent after a lost response is refused by its own write, which callers already read as a duplicate (a
        // workout) or a lost compare-and-swap (they read again and find their own revision).
        return _options.ConditionalWrites == ConditionalWriteMode.Transactions && plan.Indexes.Count > 1
            ? _transactions.WriteAsync(writes, plan.Indexes, results, cancellationToken)
            : _puts.WriteAsync(writes, plan.Indexes, results, cancellationToken);
    }

    private static void CheckLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
    }

    // begins_with on an empty string is rejected by DynamoDB (an empty key value), so the empty prefix queries the whole partition.
    private static QueryRequest KeyQuery(string partitionKey, string prefix)
    {
        var request = new QueryRequest
        {
            ConsistentRead = true,
            KeyConditionExpression = prefix.Length == 0 ? "#p = :p" : "#p = :p AND begins_with(#s, :prefix)",
            ExpressionAttributeNames = new() { ["#p"] = TableDefinition.PartitionKey },
            ExpressionAttributeValues = new() { [":p"] = new AttributeValue { S = partitionKey } },
        };
        if (prefix.Length > 0)
        {
            request.ExpressionAttributeNames["#s"] = TableDefinition.SortKey;
            request.ExpressionAttributeValues[":prefix"] = new AttributeValue { S = prefix };
        }

        return request;
    }

    private DynamoDbStoreException Failed(WriteResult?[] results, ConcurrentQueue<Exception> failures)
    {
        var confirmed = results.Count(result => result is not null);
        var first = failures.First();
        return new DynamoDbStoreException(
            $"WriteAsync on table '{_options.TableName}' failed with {confirmed} of {results.Length} writes confirmed: {first.Message}",
            failures.Count == 1 ? first : new AggregateException(failures),
            results);
    }
}
