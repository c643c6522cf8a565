namespace GymCoach.Ingest.Api.Idempotency;

/// <summary>What to do with a request that carries an <c>Idempotency-Key</c>.</summary>
internal enum IdempotencyOutcome
{
    /// <summary>This request holds the key: go on, then complete or release it.</summary>
    Claimed,

    /// <summary>An earlier request with this key completed: answer with its response.</summary>
    Replay,

    /// <summary>An earlier request with this key is still running.</summary>
    InProgress,

    /// <summary>The key was used for a request with a different body or path.</summary>
    Mismatch,
}
