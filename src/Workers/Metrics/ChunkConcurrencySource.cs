using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Metrics;

/// <summary>Samples a worker's <see cref="ChunkConcurrencyLimiter"/> into <c>ChunkConcurrencyLimit</c> and <c>ChunkConcurrencyDecreases</c> at every flush.</summary>
public sealed class ChunkConcurrencySource : IMetricsSource
{
    private readonly ChunkConcurrencyLimiter _limiter;
    private readonly string _queueName;
    private readonly CounterDelta _decreases = new();

    /// <param name="queueName">The <c>QueueName</c> dimension: the queue the worker reads.</param>
    public ChunkConcurrencySource(ChunkConcurrencyLimiter limiter, string queueName)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        _limiter = limiter;
        _queueName = queueName;
    }

    public void Sample(MetricsRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        recorder.Record(MetricCatalogue.ChunkConcurrencyLimit, _limiter.Limit, _queueName);
        recorder.Record(MetricCatalogue.ChunkConcurrencyDecreases, _decreases.Take(_limiter.Decreases), _queueName);
    }
}
