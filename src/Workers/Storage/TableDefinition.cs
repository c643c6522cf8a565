
namespace GymCoach.Workers.Storage;

/// <summary>The one DynamoDB table of GymCoach: the single source of truth for its name, keys, attributes and TTL.</summary>
/// <remarks>
/// The DynamoDB store, the table provisioner (DynamoDB Local, tests; its request is <c>DynamoDbTableSchema</c>) and the
/// infrastructure template all follow this definition; infrastructure/TABLE.md describes the design. Item attributes:
/// <c>pk</c>, <c>sk</c> (S, the key), <c>data</c> (S, JSON), <c>version</c> (N), <c>expiresAt</c> (N, epoch seconds,
/// the TTL attribute). No secondary index: every read is by key, within one user's partition.
/// </remarks>
public static class TableDefinition
{
    /// <summary>The table's name on AWS and in the local backend; tests use their own names with the same definition.</summary>
    public const string TableName = "gymcoach";

    public const string PartitionKey = "pk";
    public const string SortKey = "sk";
    public const string DataAttribute = "data";
    public const string VersionAttribute = "version";

    /// <summary>The TTL attribute: epoch seconds after which DynamoDB may delete the item (lazily, within days).</summary>
    public const string TimeToLiveAttribute = "expiresAt";

    /// <summary>The most items one query page returns, in every store: DynamoDB's own page ends at 1 MB, this bounds it by count too.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Point-in-time recovery is on in AWS (DynamoDB Local does not implement it).</summary>
    public const bool PointInTimeRecovery = true;
}
