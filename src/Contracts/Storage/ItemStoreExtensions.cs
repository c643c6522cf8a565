using System.Runtime.CompilerServices;

namespace GymCoach.Contracts.Storage;

public static class ItemStoreExtensions
{
    /// <summary>Every item of a partition under a sort-key prefix, following pages.</summary>
    public static async IAsyncEnumerable<StoredItem> QueryAllAsync(
        this IItemStore store,
        string partitionKey,
        string sortKeyPrefix,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        int pageSize = 500)
    {
        string? token = null;
        do
        {
            var page = await store.QueryAsync(partitionKey, sortKeyPrefix, pageSize, token, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}
