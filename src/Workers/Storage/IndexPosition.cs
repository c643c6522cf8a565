using GymCoach.Contracts.Storage;

namespace GymCoach.Workers.Storage;

/// <summary>An item's place in the secondary index: its index sort key, then its table key to order equal index sort keys.</summary>
public readonly record struct IndexPosition(string IndexSortKey, string PartitionKey, string SortKey)
{
    /// <summary>Ordinal by index sort key, then partition key, then sort key.</summary>
    public static IComparer<IndexPosition> Order { get; } = Comparer<IndexPosition>.Create(static (left, right) =>
    {
        var order = string.CompareOrdinal(left.IndexSortKey, right.IndexSortKey);
        if (order == 0)
        {
            order = string.CompareOrdinal(left.PartitionKey, right.PartitionKey);
        }

        return order != 0 ? order : string.CompareOrdinal(left.SortKey, right.SortKey);
    });

    public static IndexPosition Of(StoredItem item) => new(item.IndexSortKey!, item.PartitionKey, item.SortKey);
}
