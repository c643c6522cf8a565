namespace GymCoach.Contracts.Storage;

/// <summary>A write of an all-or-nothing call whose condition failed: its index in the call and the item that is stored.</summary>
/// <remarks><see cref="Existing"/> is null only when the store could not say what it holds (DynamoDB did not return it and it has gone since).</remarks>
public sealed record RefusedWrite(int Index, StoredItem? Existing);
