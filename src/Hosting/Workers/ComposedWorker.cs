using GymCoach.Workers.Batching;
using GymCoach.Workers.Functions;

namespace GymCoach.Hosting.Workers;

/// <summary>A composed worker function and its chunk concurrency, which throttling lowers and time restores.</summary>
/// <param name="Function">The function to invoke: metered, flushing its recorder's EMF lines after each invocation.</param>
/// <param name="Concurrency">The chunks it may run at once now, and how often throttling lowered it.</param>
public sealed record ComposedWorker(ISqsFunction Function, ChunkConcurrencyLimiter Concurrency);
