using System.Globalization;
using System.Text;
using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Storage;

/// <summary>What every store accepts as a write: DynamoDB's key and item size limits, checked before anything is written.</summary>
/// <remarks>Both stores use these rules, so a write the embedded store accepts is one DynamoDB accepts too.</remarks>
public static class ItemWriteRules
{
    /// <summary>DynamoDB's item size limit: 400 KB over attribute names and values.</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <summary>DynamoDB's partition key limit (table and index).</summary>
    public const int MaxPartitionKeyBytes = 2048;

    /// <summary>DynamoDB's sort key limit (table and index).</summary>
    public const int MaxSortKeyBytes = 1024;

    // An upper bound for a DynamoDB number (up to 38 digits): 1 byte per 2 digits plus 1.
    private const int NumberBytes = 21;

    /// <exception cref="ArgumentException">The write is null, has an empty or oversized key, an unknown condition, half an index key, or an item over 400 KB.</exception>
    public static void Validate(ItemWrite write)
    {
        if (write?.Item is not { } item)
        {
            throw new ArgumentException("A write or its item is null.", nameof(write));
        }

        if (string.IsNullOrEmpty(item.PartitionKey) || string.IsNullOrEmpty(item.SortKey))
        {
            throw new ArgumentException("An item's partition key and sort key must not be empty.", nameof(write));
        }

        if (!Enum.IsDefined(write.Condition))
        {
            throw new ArgumentException($"Unknown write condition {write.Condition}.", nameof(write));
        }

        var keyError = KeyError(item.PartitionKey, MaxPartitionKeyBytes, "partition key")
            ?? KeyError(item.SortKey, MaxSortKeyBytes, "sort key");
        if (keyError is not null)
        {
            throw new ArgumentException(keyError, nameof(write));
        }

        var size = SizeOf(item);
        if (size > MaxItemBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Item {item.PartitionKey}/{item.SortKey} is {size} bytes; the limit is {MaxItemBytes}."),
                nameof(write));
        }
    }

    /// <summary>The item's size as DynamoDB counts it (attribute names and values), numbers counted at their largest.</summary>
    public static int SizeOf(StoredItem item)
    {
        var size = Bytes(TableDefinition.PartitionKey) + Bytes(item.PartitionKey)
            + Bytes(TableDefinition.SortKey) + Bytes(item.SortKey)
            + Bytes(TableDefinition.DataAttribute) + Bytes(item.Data)
            + Bytes(TableDefinition.VersionAttribute) + NumberBytes;
        if (item.ExpiresAt is not null)
        {
            size += Bytes(TableDefinition.TimeToLiveAttribute) + NumberBytes;
        }

        return size;
    }

    private static int Bytes(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);

    private static string? KeyError(string? key, int limit, string what)
    {
        var size = Bytes(key);
        return size <= limit
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"An item's {what} is {size} bytes; the limit is {limit}.");
    }
}
