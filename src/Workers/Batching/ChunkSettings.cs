using Serilog;

namespace GymCoach.Workers.Batching;

/// <summary>What every chunk of a processor shares: fixed at construction, safe to share between invocations.</summary>
internal sealed record ChunkSettings(
    int ChunkSize,
    TimeProvider TimeProvider,
    IBatchObserver Observer,
    ChunkConcurrencyLimiter Concurrency,
    DeadLetterSender DeadLetters,
    ILogger Logger);
