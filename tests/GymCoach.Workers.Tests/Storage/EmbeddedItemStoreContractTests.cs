using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Storage;

namespace GymCoach.Workers.Tests.Storage;

/// <summary>Runs the item store contract against <see cref="EmbeddedItemStore"/>.</summary>
public sealed class EmbeddedItemStoreContractTests : ItemStoreContractTests
{
    protected override IItemStore CreateStore() => new EmbeddedItemStore();
}
