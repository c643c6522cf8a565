using System.Globalization;
using Amazon.DynamoDBv2.Model;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Maps a <see cref="StoredItem"/> to the table's attributes (<see cref="TableDefinition"/>) and back.</summary>
internal static class ItemAttributes
{
    public static Dictionary<string, AttributeValue> From(StoredItem item)
    {
        var attributes = new Dictionary<string, AttributeValue>(7, StringComparer.Ordinal)
        {
            [TableDefinition.PartitionKey] = new() { S = item.PartitionKey },
            [TableDefinition.SortKey] = new() { S = item.SortKey },
            [TableDefinition.VersionAttribute] = Number(item.Version),
        };

        // Data is required, but a null one is stored as an absent attribute so that it round-trips as the embedded store's does.
        if (item.Data is not null)
        {
            attributes[TableDefinition.DataAttribute] = new() { S = item.Data };
        }

        if (item.ExpiresAt is { } expiresAt)
        {
            attributes[TableDefinition.TimeToLiveAttribute] = Number(EpochSeconds(expiresAt));
        }


        return attributes;
    }

    /// <exception cref="InvalidDataException">The attributes lack a key or hold a malformed number: not an item this store wrote.</exception>
    public static StoredItem ToItem(Dictionary<string, AttributeValue> attributes) => new()
    {
        PartitionKey = String(attributes, TableDefinition.PartitionKey) ?? throw Malformed(TableDefinition.PartitionKey),
        SortKey = String(attributes, TableDefinition.SortKey) ?? throw Malformed(TableDefinition.SortKey),
        Data = String(attributes, TableDefinition.DataAttribute)!,
        Version = Long(attributes, TableDefinition.VersionAttribute) ?? 0,
        ExpiresAt = Long(attributes, TableDefinition.TimeToLiveAttribute) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
    };

    public static Dictionary<string, AttributeValue> Key(string partitionKey, string sortKey) => new(2, StringComparer.Ordinal)
    {
        [TableDefinition.PartitionKey] = new() { S = partitionKey },
        [TableDefinition.SortKey] = new() { S = sortKey },
    };

    /// <summary>The TTL attribute's unit; rounded down, so an item never outlives the time it was given by a second or more.</summary>
    public static long EpochSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static bool IsExpired(StoredItem item, DateTimeOffset now) =>
        item.ExpiresAt is { } expiresAt && EpochSeconds(expiresAt) <= EpochSeconds(now);

    private static string? String(Dictionary<string, AttributeValue> attributes, string name) =>
        attributes.TryGetValue(name, out var value) ? value.S : null;

    private static long? Long(Dictionary<string, AttributeValue> attributes, string name)
    {
        if (!attributes.TryGetValue(name, out var value) || value.N is null)
        {
            return null;
        }

        return long.TryParse(value.N, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Malformed(name);
    }

    private static InvalidDataException Malformed(string attribute) => new($"A stored item has no valid '{attribute}' attribute.");
}
