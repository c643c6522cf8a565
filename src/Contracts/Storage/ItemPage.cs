namespace GymCoach.Contracts.Storage;

/// <summary>One page of a query; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record ItemPage(IReadOnlyList<StoredItem> Items, string? ContinuationToken);
