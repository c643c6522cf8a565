using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymCoach.Workers.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Creates a table as <see cref="TableDefinition"/> defines it, idempotently: for DynamoDB Local and tests (AWS tables come from the template).</summary>
/// <param name="activeTimeout">How long a table may take to become ACTIVE; default 5 minutes.</param>
public sealed class DynamoDbTableProvisioner(IAmazonDynamoDB client, TimeSpan? activeTimeout = null, TimeProvider? timeProvider = null)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly TimeSpan _activeTimeout = activeTimeout ?? TimeSpan.FromMinutes(5);

    /// <summary>Creates the table unless it exists, waits until it and its index are ACTIVE, and enables TTL on <c>expiresAt</c>.</summary>
    /// <param name="pointInTimeRecovery">Also enable PITR, as <see cref="TableDefinition.PointInTimeRecovery"/> asks; DynamoDB Local does not implement it, so pass false there.</param>
    /// <exception cref="InvalidOperationException">A table of that name exists with other keys or without the index, or it did not become ACTIVE in time.</exception>
    public async Task EnsureTableAsync(string tableName, bool pointInTimeRecovery, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        try
        {
            await client.CreateTableAsync(DynamoDbTableSchema.CreateTableRequest(tableName), cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // It exists (or is being created): check it is ours below.
        }

        var table = await WaitUntilActiveAsync(tableName, cancellationToken);
        CheckDefinition(table);
        await EnableTimeToLiveAsync(tableName, cancellationToken);
        if (pointInTimeRecovery)
        {
            await client.UpdateContinuousBackupsAsync(
                new UpdateContinuousBackupsRequest
                {
                    TableName = tableName,
                    PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
                },
                cancellationToken);
        }
    }

    /// <summary>Deletes the table; a table that does not exist is fine.</summary>
    public async Task DeleteTableAsync(string tableName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        try
        {
            await client.DeleteTableAsync(new DeleteTableRequest { TableName = tableName }, cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            // Gone already.
        }
    }

    private async Task<TableDescription> WaitUntilActiveAsync(string tableName, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var table = (await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken)).Table;
            if (table.TableStatus == TableStatus.ACTIVE)
            {
                return table;
            }

            if (_time.GetElapsedTime(started) > _activeTimeout)
            {
                throw new InvalidOperationException($"Table '{tableName}' is {table.TableStatus}, not ACTIVE, after {_activeTimeout.TotalSeconds:N0} s.");
            }

            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    private static void CheckDefinition(TableDescription table)
    {
        var expected = DynamoDbTableSchema.CreateTableRequest(table.TableName);
        if (!SameKeys(table.KeySchema, expected.KeySchema))
        {
            throw new InvalidOperationException(
                $"Table '{table.TableName}' exists but not as TableDefinition defines it (keys {TableDefinition.PartitionKey}/{TableDefinition.SortKey}).");
        }
    }

    private static bool SameKeys(List<KeySchemaElement>? actual, List<KeySchemaElement> expected) =>
        actual is not null && actual.Count == expected.Count
        && actual.TrueForAll(key => expected.Exists(wanted => wanted.AttributeName == key.AttributeName && wanted.KeyType == key.KeyType));

    private async Task EnableTimeToLiveAsync(string tableName, CancellationToken cancellationToken)
    {
        var current = (await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken)).TimeToLiveDescription;
        if (current?.TimeToLiveStatus == TimeToLiveStatus.ENABLED || current?.TimeToLiveStatus == TimeToLiveStatus.ENABLING)
        {
            if (current.AttributeName != TableDefinition.TimeToLiveAttribute)
            {
                throw new InvalidOperationException($"Table '{tableName}' has TTL on '{current.AttributeName}', not '{TableDefinition.TimeToLiveAttribute}'.");
            }

            return;
        }

        await client.UpdateTimeToLiveAsync(
            new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = TableDefinition.TimeToLiveAttribute, Enabled = true },
            },
            cancellationToken);
    }
}
