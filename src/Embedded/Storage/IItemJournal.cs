using GymCoach.Contracts.Storage;

namespace GymCoach.Embedded.Storage;

/// <summary>Makes the writes of an <see cref="EmbeddedItemStore"/> durable.</summary>
/// <remarks>
/// The store calls it with the locks of the written partitions held, after the conditions are checked and before any
/// reader can see the new items, so a reader never acts on a write that a crash could still undo. One call per store
/// request (a batch of writes), items in the order they apply. A call that throws fails the request and leaves
/// the store as it was.
/// </remarks>
public interface IItemJournal
{
    void Commit(IReadOnlyList<StoredItem> items);
}
