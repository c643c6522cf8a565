namespace GymCoach.Contracts.Storage;

/// <summary>The key of one stored item: its partition and sort key.</summary>
public readonly record struct ItemKey(string PartitionKey, string SortKey)
{
    public static ItemKey Of(StoredItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ItemKey(item.PartitionKey, item.SortKey);
    }
}
