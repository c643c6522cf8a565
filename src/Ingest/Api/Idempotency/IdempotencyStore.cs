using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GymCoach.Contracts.Storage;

namespace GymCoach.Ingest.Api.Idempotency;

/// <summary>Remembers requests by (API key name, <c>Idempotency-Key</c>) in the item store, so a retry is answered without enqueuing again.</summary>
/// <remarks>
/// The first request claims the key with a conditional write (<see cref="WriteCondition.IfNotExists"/>), so of two
/// concurrent retries exactly one goes on. A request that fails releases its claim; one that crashed leaves a pending
/// record that a retry may take over after <see cref="IngestApiOptions.IdempotencyLease"/> (<see cref="WriteCondition.IfNewerVersion"/>,
/// again exactly one winner). Records expire after <see cref="IngestApiOptions.IdempotencyTtl"/> (store TTL).
/// <para>
/// The version is a fencing token. Claims take even versions (2, then the next even one above what a takeover found);
/// the owner completes or releases with the odd version just above its claim under
/// <see cref="WriteCondition.IfNewerVersion"/>, which holds only while the stored version is still the claim's. So after
/// a takeover wrote a higher even version, the first request's late completion or release is refused and the second
/// request's record stands; both stores already agree on that condition, so no store needs a new one.
/// </para>
/// </remarks>
internal sealed class IdempotencyStore(IItemStore store, IngestApiOptions options, TimeProvider timeProvider)
{
    public const string SortKey = "IDEMPOTENCY";

    private const long FirstClaim = 2;

    public static string PartitionKey(string apiKeyName, string idempotencyKey) => "IDEMPOTENCY#" + apiKeyName + "#" + idempotencyKey;

    /// <summary>The fingerprint a retry must repeat: SHA-256 over the path and the body.</summary>
    public static string Fingerprint(string path, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(path));
        hash.AppendData([0]);
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public async Task<IdempotencyClaim> ClaimAsync(string partitionKey, string fingerprint, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var pending = new IdempotencyRecord { State = IdempotencyRecord.Pending, Fingerprint = fingerprint, ClaimedAt = now };
        var result = await WriteAsync(partitionKey, pending, FirstClaim, WriteCondition.IfNotExists, cancellationToken);
        if (result.Written)
        {
            return new IdempotencyClaim(IdempotencyOutcome.Claimed, FirstClaim);
        }

        // A second look is enough: if another retry won the takeover, that retry is now the one in progress.
        for (var attempt = 0; attempt < 2 && result.Existing is { } existing; attempt++)
        {
            var record = Parse(existing);
            if (record is null || record.Fingerprint != fingerprint)
            {
                return IdempotencyClaim.Mismatch;
            }

            if (record.State == IdempotencyRecord.Completed)
            {
                return new IdempotencyClaim(IdempotencyOutcome.Replay, existing.Version, record.Status ?? 202, record.Response);
            }

            if (record.State == IdempotencyRecord.Pending && now - record.ClaimedAt < options.IdempotencyLease)
            {
                return IdempotencyClaim.InProgress;
            }

            var next = NextClaim(existing.Version);
            result = await WriteAsync(partitionKey, pending, next, WriteCondition.IfNewerVersion, cancellationToken);
            if (result.Written)
            {
                return new IdempotencyClaim(IdempotencyOutcome.Claimed, next);
            }
        }

        return IdempotencyClaim.InProgress;
    }

    /// <summary>Stores the response that retries will get, unless the claim was taken over meanwhile.</summary>
    /// <returns>False when another request took the key over after this claim's lease ran out: its record stands.</returns>
    public async Task<bool> CompleteAsync(string partitionKey, string fingerprint, IdempotencyClaim claim, int status, string response, CancellationToken cancellationToken) =>
        (await WriteAsync(partitionKey, new IdempotencyRecord
        {
            State = IdempotencyRecord.Completed,
            Fingerprint = fingerprint,
            ClaimedAt = timeProvider.GetUtcNow(),
            Status = status,
            Response = response,
        }, claim.Version + 1, WriteCondition.IfNewerVersion, cancellationToken)).Written;

    /// <summary>Gives the key back after a failure, so a retry may run at once, unless the claim was taken over meanwhile.</summary>
    /// <returns>False when another request took the key over after this claim's lease ran out: its claim stands.</returns>
    public async Task<bool> ReleaseAsync(string partitionKey, string fingerprint, IdempotencyClaim claim, CancellationToken cancellationToken) =>
        (await WriteAsync(partitionKey, new IdempotencyRecord
        {
            State = IdempotencyRecord.Released,
            Fingerprint = fingerprint,
            ClaimedAt = timeProvider.GetUtcNow(),
        }, claim.Version + 1, WriteCondition.IfNewerVersion, cancellationToken)).Written;

    /// <summary>The even version above <paramref name="stored"/>: above the claim it replaces and above that claim's completion or release.</summary>
    private static long NextClaim(long stored) => (stored / 2 * 2) + 2;

    private async Task<WriteResult> WriteAsync(string partitionKey, IdempotencyRecord record, long version, WriteCondition condition, CancellationToken cancellationToken)
    {
        var item = new StoredItem
        {
            PartitionKey = partitionKey,
            SortKey = SortKey,
            Data = JsonSerializer.Serialize(record, IngestJsonContext.Default.IdempotencyRecord),
            Version = version,
            ExpiresAt = timeProvider.GetUtcNow() + options.IdempotencyTtl,
        };
        var results = await store.WriteAsync([new ItemWrite(item, condition)], cancellationToken);
        return results[0];
    }

    private static IdempotencyRecord? Parse(StoredItem item)
    {
        try
        {
            return JsonSerializer.Deserialize(item.Data, IngestJsonContext.Default.IdempotencyRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
