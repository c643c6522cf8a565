namespace GymCoach.Workers.Batching;

/// <summary>What the <see cref="ChunkConcurrencyLimiter"/> knew when a chunk started: the throttle count and how many decreases had happened.</summary>
internal readonly record struct ChunkSample(long Throttles, long Decreases);
