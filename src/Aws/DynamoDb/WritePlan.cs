using GymCoach.Contracts.Storage;
using GymCoach.Workers.Storage;

namespace GymCoach.Aws.DynamoDb;

/// <summary>Cuts one <c>WriteAsync</c> call into waves and requests: what may go to DynamoDB together, and what must wait.</summary>
/// <remarks>
/// BatchWriteItem and TransactWriteItems both reject two writes to one key. Wave <c>n</c> holds the <c>n</c>-th write
/// of every key, so running the waves one after another applies each key's writes in list order, exactly as the
/// embedded store does, while writes to distinct keys (the usual case: one wave) go out together.
/// </remarks>
internal static class WritePlan
{
    /// <summary>BatchWriteItem's limit.</summary>
    public const int MaxBatchItems = 25;

    /// <summary>TransactWriteItems' limits: 100 actions, 4 MB.</summary>
    public const int MaxTransactionItems = 100;
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    /// <summary>The indexes of the writes, grouped into waves of distinct keys, each in list order.</summary>
    public static List<List<int>> Waves(IReadOnlyList<ItemWrite> writes)
    {
        var waves = new List<List<int>>(1) { new(writes.Count) };
        var seen = new Dictionary<(string, string), int>(writes.Count);
        for (var i = 0; i < writes.Count; i++)
        {
            var key = (writes[i].Item.PartitionKey, writes[i].Item.SortKey);
            var wave = seen.TryGetValue(key, out var previous) ? previous + 1 : 0;
            seen[key] = wave;
            if (wave == waves.Count)
            {
                waves.Add([]);
            }

            waves[wave].Add(i);
        }

        return waves;
    }

    /// <summary>A wave's requests: its unconditional writes in batches of 25, its conditional ones in groups of up to <paramref name="conditionalGroupSize"/> items and 4 MB.</summary>
    /// <param name="conditionalGroupSize">100 for transactions, 1 for single puts.</param>
    public static List<WriteRequestPlan> Requests(IReadOnlyList<ItemWrite> writes, List<int> wave, int conditionalGroupSize)
    {
        var requests = new List<WriteRequestPlan>();
        var batch = new List<int>(MaxBatchItems);
        var transaction = new List<int>(MaxTransactionItems);
        var transactionBytes = 0;
        foreach (var index in wave)
        {
            if (writes[index].Condition == WriteCondition.None)
            {
                batch.Add(index);
                if (batch.Count == MaxBatchItems)
                {
                    requests.Add(new WriteRequestPlan(Conditional: false, batch));
                    batch = new List<int>(MaxBatchItems);
                }

                continue;
            }

            var size = ItemWriteRules.SizeOf(writes[index].Item);
            if (transaction.Count == conditionalGroupSize || (transaction.Count > 0 && transactionBytes + size > MaxTransactionBytes))
            {
                requests.Add(new WriteRequestPlan(Conditional: true, transaction));
                (transaction, transactionBytes) = (new List<int>(MaxTransactionItems), 0);
            }

            transaction.Add(index);
            transactionBytes += size;
        }

        if (batch.Count > 0)
        {
            requests.Add(new WriteRequestPlan(Conditional: false, batch));
        }

        if (transaction.Count > 0)
        {
            requests.Add(new WriteRequestPlan(Conditional: true, transaction));
        }

        return requests;
    }
}
