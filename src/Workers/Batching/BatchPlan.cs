using GymCoach.Contracts.Lambda;

namespace GymCoach.Workers.Batching;

/// <summary>The order records are processed in and how they are cut into units of work (standard: chunks; FIFO: groups).</summary>
/// <remarks>
/// A unit runs on one worker from start to end, chunk after chunk. On a standard queue a unit is one chunk of the
/// records in event order, with no index array at all; on a FIFO queue a unit is one message group in event order.
/// </remarks>
internal sealed class BatchPlan
{
    private readonly int[]? _order;
    private readonly int[]? _unitStarts;
    private readonly int[]? _chunkBases;
    private readonly int _count;
    private readonly int _chunkSize;

    private BatchPlan(int count, int chunkSize, int unitCount, bool ordered, int[]? order, int[]? unitStarts, int[]? chunkBases)
    {
        _count = count;
        _chunkSize = chunkSize;
        UnitCount = unitCount;
        Ordered = ordered;
        _order = order;
        _unitStarts = unitStarts;
        _chunkBases = chunkBases;
    }

    /// <summary>True for FIFO: a retry failure stops the rest of its unit (its message group).</summary>
    public bool Ordered { get; }

    public int UnitCount { get; }

    public static BatchPlan Standard(int count, int chunkSize) =>
        new(count, chunkSize, (count + chunkSize - 1) / chunkSize, ordered: false, order: null, unitStarts: null, chunkBases: null);

    /// <summary>Groups records by message group, keeping event order within each group and groups in order of first appearance.</summary>
    public static BatchPlan Fifo(IReadOnlyList<SqsMessage> records, int chunkSize)
    {
        var count = records.Count;
        var groupOf = new int[count];
        var groupIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupSizes = new List<int>();
        var placed = 0;
        for (var i = 0; i < count; i++)
        {
            var record = records[i];
            if (record is null)
            {
                groupOf[i] = -1;
                continue;
            }

            // A FIFO record always carries its group; one without is kept in order with the others that lack it.
            var groupId = record.MessageGroupId ?? string.Empty;
            if (!groupIds.TryGetValue(groupId, out var group))
            {
                group = groupSizes.Count;
                groupIds.Add(groupId, group);
                groupSizes.Add(0);
            }

            groupOf[i] = group;
            groupSizes[group]++;
            placed++;
        }

        var unitStarts = new int[groupSizes.Count + 1];
        var chunkBases = new int[groupSizes.Count];
        for (var g = 0; g < groupSizes.Count; g++)
        {
            unitStarts[g + 1] = unitStarts[g] + groupSizes[g];
            if (g > 0)
            {
                chunkBases[g] = chunkBases[g - 1] + ((groupSizes[g - 1] + chunkSize - 1) / chunkSize);
            }
        }

        var order = new int[placed];
        var next = (int[])unitStarts.Clone();
        for (var i = 0; i < count; i++)
        {
            if (groupOf[i] >= 0)
            {
                order[next[groupOf[i]]++] = i;
            }
        }

        return new BatchPlan(placed, chunkSize, groupSizes.Count, ordered: true, order, unitStarts, chunkBases);
    }

    /// <summary>The index in the event's records of the message at <paramref name="position"/> of the plan.</summary>
    public int RecordAt(int position) => _order is null ? position : _order[position];

    public int UnitStart(int unit) => _unitStarts is null ? unit * _chunkSize : _unitStarts[unit];

    public int UnitEnd(int unit) => _unitStarts is null ? Math.Min((unit + 1) * _chunkSize, _count) : _unitStarts[unit + 1];

    /// <summary>The index of the unit's first chunk, counting chunks across the whole event.</summary>
    public int FirstChunkIndex(int unit) => _chunkBases is null ? unit : _chunkBases[unit];
}
