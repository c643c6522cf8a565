namespace GymCoach.Contracts.Storage;

/// <summary>One conditional write.</summary>
public sealed record ItemWrite(StoredItem Item, WriteCondition Condition = WriteCondition.None);
