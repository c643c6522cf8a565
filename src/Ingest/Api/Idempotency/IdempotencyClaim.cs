namespace GymCoach.Ingest.Api.Idempotency;

/// <summary>The outcome of claiming an <c>Idempotency-Key</c>: with the claim's version, or the response to replay.</summary>
internal sealed record IdempotencyClaim(IdempotencyOutcome Outcome, long Version = 0, int Status = 0, string? Response = null)
{
    public static IdempotencyClaim InProgress { get; } = new(IdempotencyOutcome.InProgress);

    public static IdempotencyClaim Mismatch { get; } = new(IdempotencyOutcome.Mismatch);
}
