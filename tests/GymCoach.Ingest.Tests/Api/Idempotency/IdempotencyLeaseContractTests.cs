using GymCoach.Contracts.Storage;
using GymCoach.Ingest.Api;
using GymCoach.Ingest.Api.Idempotency;
using Microsoft.Extensions.Time.Testing;

namespace GymCoach.Ingest.Tests.Api.Idempotency;

/// <summary>
/// Only the request holding an <c>Idempotency-Key</c>'s lease may complete or release it: after a retry took over an
/// expired lease, the first request's late writes change nothing. Run against every item store.
/// </summary>
public abstract class IdempotencyLeaseContractTests
{
    private const string Fingerprint = "fingerprint-1";

    // From the real time, so that a backend reading its own clock (DynamoDB Local) agrees; it moves only when told.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly IngestApiOptions _options = new();
    private IdempotencyStore? _idempotency;

    private IdempotencyStore Idempotency => _idempotency ??= new IdempotencyStore(CreateStore(), _options, _clock);

    [Fact]
    public async Task TheOwnersCompletion_IsReplayedToRetries()
    {
        var key = Key();
        var first = await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);

        Assert.True(await Idempotency.CompleteAsync(key, Fingerprint, first, 202, "{\"eventId\":\"first\"}", CancellationToken.None));
        var retry = await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Claimed, first.Outcome);
        Assert.Equal(IdempotencyOutcome.Replay, retry.Outcome);
        Assert.Equal("{\"eventId\":\"first\"}", retry.Response);
    }

    [Fact]
    public async Task AfterATakeover_TheFirstRequestsCompletion_DoesNotOverwriteTheSecondsClaim()
    {
        var key = Key();
        var first = await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);
        _clock.Advance(_options.IdempotencyLease + TimeSpan.FromSeconds(1));
        var second = await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);

        var lateCompletion = await Idempotency.CompleteAsync(key, Fingerprint, first, 202, "{\"eventId\":\"first\"}", CancellationToken.None);
        var whileSecondRuns = await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);
        var secondCompletion = await Idempotency.CompleteAsync(key, Fingerprint, second, 202, "{\"eventId\":\"second\"}", CancellationToken.None);
        var afterSecond = await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Claimed, second.Outcome);
        Assert.False(lateCompletion);
        Assert.Equal(IdempotencyOutcome.InProgress, whileSecondRuns.Outcome);
        Assert.True(secondCompletion);
        Assert.Equal(IdempotencyOutcome.Replay, afterSecond.Outcome);
        Assert.Equal("{\"eventId\":\"second\"}", afterSecond.Response);
    }

    [Fact]
    public async Task AfterATakeover_TheFirstRequestsRelease_DoesNotFreeTheSecondsClaim()
    {
        var key = Key();
        var first = await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);
        _clock.Advance(_options.IdempotencyLease + TimeSpan.FromSeconds(1));
        await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);

        var lateRelease = await Idempotency.ReleaseAsync(key, Fingerprint, first, CancellationToken.None);
        var whileSecondRuns = await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);

        Assert.False(lateRelease);
        Assert.Equal(IdempotencyOutcome.InProgress, whileSecondRuns.Outcome);
    }

    [Fact]
    public async Task AReleasedKey_IsClaimedByTheNextRetry_WhoseCompletionHolds()
    {
        var key = Key();
        var first = await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);
        Assert.True(await Idempotency.ReleaseAsync(key, Fingerprint, first, CancellationToken.None));

        var retry = await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);
        var completed = await Idempotency.CompleteAsync(key, Fingerprint, retry, 202, "{\"eventId\":\"retry\"}", CancellationToken.None);
        var replay = await Idempotency.ClaimAsync(key, Fingerprint, CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Claimed, retry.Outcome);
        Assert.True(completed);
        Assert.Equal("{\"eventId\":\"retry\"}", replay.Response);
    }

    protected abstract IItemStore CreateStore();

    private static string Key() => IdempotencyStore.PartitionKey("writer", "key-" + Guid.NewGuid().ToString("N"));
}
