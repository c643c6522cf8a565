namespace GymCoach.Contracts.Storage;

/// <summary>The result of one write: written, or refused by its condition with the item that is stored.</summary>
public sealed record WriteResult(bool Written, StoredItem? Existing)
{
    public static WriteResult Success { get; } = new(true, null);

    public static WriteResult Refused(StoredItem existing) => new(false, existing);
}
