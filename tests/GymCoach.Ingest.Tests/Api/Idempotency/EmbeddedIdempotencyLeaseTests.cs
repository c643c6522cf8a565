using GymCoach.Contracts.Storage;
using GymCoach.Embedded.Storage;

namespace GymCoach.Ingest.Tests.Api.Idempotency;

/// <summary>The idempotency lease contract on <see cref="EmbeddedItemStore"/>.</summary>
public sealed class EmbeddedIdempotencyLeaseTests : IdempotencyLeaseContractTests
{
    protected override IItemStore CreateStore() => new EmbeddedItemStore();
}
