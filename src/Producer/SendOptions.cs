namespace GymCoach.Producer;

/// <summary>Per-call settings of an <see cref="IGymCoachProducer"/> call.</summary>
public sealed record SendOptions
{
    /// <summary>Travels with the events into every worker's log lines. Default: a new id per call.</summary>
    /// <remarks>Letters, digits and <c>-_.:</c>, at most 128 characters; anything else is replaced by a new id, as the API does.</remarks>
    public string? CorrelationId { get; init; }

    /// <summary>HTTP only: the <c>Idempotency-Key</c> of the request. Default: a new key per call, reused by its retries.</summary>
    /// <remarks>Pass your own to make a call safe to repeat after a crash: the API answers a repeat with the first answer.</remarks>
    public string? IdempotencyKey { get; init; }
}
