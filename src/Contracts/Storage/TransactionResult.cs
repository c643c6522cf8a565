namespace GymCoach.Contracts.Storage;

/// <summary>The result of <see cref="IItemStore.WriteAtomicallyAsync"/>: every write applied, or none because of the refusals listed.</summary>
public sealed record TransactionResult(IReadOnlyList<RefusedWrite> Refused)
{
    public static TransactionResult Committed { get; } = new([]);

    /// <summary>True when every write was applied; false when at least one condition failed and nothing was written.</summary>
    public bool IsCommitted => Refused.Count == 0;
}
